import numpy as np
import torch

device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")

array = np.zeros(3, dtype=np.float32)
shared = torch.from_numpy(array)  # shares the array's memory
copied = torch.tensor(array)  # copies it
array[0] = 1
print("from_numpy:", shared)
print("tensor:    ", copied)

# On the CPU, .numpy() shares memory the other way, too.
t = torch.ones(2)
view = t.numpy()
t.add_(1)
print("numpy() after add_:", view)

# A tensor that requires grad needs detach() first...
weights = torch.ones(2, requires_grad=True)
try:
    weights.numpy()
except RuntimeError:
    print("requires grad: RuntimeError")
# ...and one off the CPU needs cpu() first. That check comes first, and
# raises TypeError. "meta" (shapes, no data) stands in for a GPU here.
try:
    torch.ones(2, requires_grad=True, device="meta").numpy()
except TypeError:
    print("not on the CPU: TypeError")

on_device = weights.to(device)
print(on_device.detach().cpu().numpy())
print(on_device.numpy(force=True))  # detach().cpu().numpy() in one call
