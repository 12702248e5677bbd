import numpy as np
import torch
from torch import nn

# int64, float32:
print(torch.tensor([1, 2]).dtype, torch.tensor([1.0, 2.0]).dtype)

# int + a Python float gives the default float32 (NumPy gives float64);
# int + a float tensor gives that tensor's dtype.
print("int + float:", (torch.tensor([1, 2]) + 0.5).dtype)
float64 = torch.tensor([0.5], dtype=torch.float64)
print("int + float64 tensor:", (torch.tensor([1, 2]) + float64).dtype)

# NumPy's default float is float64, and torch keeps it.
features = np.array([[0.1, 0.2]])
x = torch.from_numpy(features)
print("from NumPy:", x.dtype)

# Layers do not cast their inputs: a float64 batch meets float32 weights.
layer = nn.Linear(2, 1)
try:
    layer(x)
except RuntimeError as error:
    print("RuntimeError:", error)
print("after .float():", layer(x.float()).dtype)
