import torch

x = torch.tensor(3.0)  # tensors made by you do not require grad
try:
    (x**2).backward()
except RuntimeError:
    print("backward without requires_grad: RuntimeError")

x.requires_grad_()  # from now on, operations on x are recorded
y = x**2
y.backward()
print("dy/dx:", x.grad.item())

# detach() and torch.no_grad() stop the recording.
print("detached:", (x.detach() ** 2).requires_grad)
with torch.no_grad():
    print("under no_grad:", (x**2).requires_grad)
