import torch
from torch import nn

layer = nn.Linear(4, 3)
try:
    layer(torch.ones(2, 5))  # 5 features into a layer that expects 4
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")

try:
    torch.ones(2, 5) + torch.ones(3, 5)  # shapes that do not broadcast
except RuntimeError as error:
    print(f"{type(error).__name__}: {error}")
