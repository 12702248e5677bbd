import torch

w = torch.ones(2, requires_grad=True)
try:
    w.numpy()
except RuntimeError as error:
    print(error)
print("after detach():", w.detach().numpy())

# Off the CPU the device check fails first ("meta" stands in for a GPU).
try:
    torch.ones(2, requires_grad=True, device="meta").numpy()
except TypeError as error:
    print("TypeError:", error)
print("numpy(force=True):", w.numpy(force=True))
