import torch

x = torch.tensor(1.0, requires_grad=True)
y = torch.exp(x)

y.backward(retain_graph=True)  # keep the graph for another pass
y.backward()  # the second pass frees it
print("two passes, accumulated:", round(x.grad.item(), 4))

try:
    y.backward()  # a third pass has nothing to walk through
except RuntimeError as error:
    print("RuntimeError:", str(error).split(" (")[0])
