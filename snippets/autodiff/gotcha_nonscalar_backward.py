import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
y = w**2  # two values, not one
try:
    y.backward()
except RuntimeError as error:
    print(error)
y.backward(gradient=torch.ones_like(y))  # the same as y.sum().backward()
print("with gradient=:", w.grad.tolist())
