import torch

w = torch.tensor([1.0, 2.0], requires_grad=True)
with torch.no_grad():
    loss = (w**2).sum()  # not recorded
try:
    loss.backward()
except RuntimeError as error:
    print(error)
loss = (w**2).sum()
loss.backward()
print("recorded:", w.grad.tolist())
