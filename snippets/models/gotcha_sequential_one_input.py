import torch
from torch import nn

# nn.Bilinear takes two inputs; nn.Sequential passes one.
model = nn.Sequential(nn.Bilinear(3, 3, 2))
a, b = torch.zeros(1, 3), torch.zeros(1, 3)
try:
    model(a, b)
except TypeError as error:
    print(error)
print("called directly:", tuple(model[0](a, b).shape))
