import numpy as np
import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

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

# A tensor that requires grad, or lives on a GPU, needs detach() and
# cpu() first.
weights = torch.ones(2, requires_grad=True, device=device)
try:
    weights.numpy()
except RuntimeError:
    print("numpy() on a tensor that requires grad: RuntimeError")
print(weights.detach().cpu().numpy())
