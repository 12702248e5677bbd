import torch

x = torch.arange(6).reshape(2, 3).t()  # a transpose: not contiguous
try:
    x.view(6)  # no single stride walks the transpose in order
except RuntimeError as error:
    print(str(error).split(". ")[0])
print("reshape:", x.reshape(6).tolist())

# Not contiguous either, but the new shape fits the strides: view works.
columns = torch.arange(12).reshape(3, 4)[:, :2]
print("contiguous:", columns.is_contiguous())
print("view(3, 1, 2):", tuple(columns.view(3, 1, 2).shape))
