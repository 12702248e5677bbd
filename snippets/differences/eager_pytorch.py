import torch

# PyTorch runs each operation as Python reaches it: the result is there to print or inspect in pdb.
x = torch.tensor([1.0, 2.0, 3.0])
y = x * 2
print(y)
