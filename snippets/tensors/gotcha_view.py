import torch

x = torch.arange(6).reshape(2, 3).t()  # a transpose: not contiguous
try:
    x.view(6)
except RuntimeError as error:
    print(str(error).split(". ")[0])
print("reshape:", x.reshape(6).tolist())
