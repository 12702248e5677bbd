import torch

w = torch.ones(2, requires_grad=True)
try:
    w.numpy()
except RuntimeError as error:
    print(error)
print("after detach():", w.detach().numpy())
