import torch

weights = torch.zeros(3)
snapshot = weights.numpy()  # shares memory with the tensor
copy = weights.numpy().copy()
weights += 1  # an in-place update, as an optimizer step does
print("snapshot:", snapshot)
print("copy:", copy)
