import torch

# Each operation runs as Python reaches it: the result is there at once,
# to print or to inspect in a debugger.
x = torch.tensor([1.0, 2.0, 3.0])
y = x * 2
print(y)
