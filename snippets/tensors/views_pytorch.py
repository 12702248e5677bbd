import torch

base = torch.arange(6)

# view(), slicing, transpose and friends return views: same memory, new shape.
grid = base.view(2, 3)
grid[0, 0] = 100
base[1:3].zero_()  # in-place ops end in an underscore
print(base)
print("same memory:", grid.data_ptr() == base.data_ptr())

# clone() makes an independent copy.
copy = base.clone()
copy[0] = -1
print("base unchanged:", base[0].item())

# A transposed view is not contiguous: view() refuses it, reshape() copies.
transposed = grid.t()
print("contiguous:", transposed.is_contiguous())
try:
    transposed.view(6)
except RuntimeError:
    print("view(6): RuntimeError, use reshape()")
print(transposed.reshape(6))
