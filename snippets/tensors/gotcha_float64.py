import keras
import numpy as np
import torch
from torch import nn

array = np.random.rand(2, 3)  # NumPy's default: float64
print("array:", array.dtype)
try:
    nn.Linear(3, 1)(torch.from_numpy(array))
except RuntimeError as error:
    print("torch layer:", error)
# Other layers word the same mistake differently.
try:
    nn.Conv1d(1, 1, 1)(torch.from_numpy(array).unsqueeze(0))
except RuntimeError as error:
    print("torch conv:", error)
print(
    "after .float():", nn.Linear(3, 1)(torch.from_numpy(array).float()).dtype
)

# A Keras layer casts its inputs to its own dtype (float32).
print("keras layer:", keras.ops.dtype(keras.layers.Dense(1)(array)))
