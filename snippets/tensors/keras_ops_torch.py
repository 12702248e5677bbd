import os

# Set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

# The same keras.ops code as on TensorFlow now returns torch tensors.
x = keras.ops.arange(6)
y = keras.ops.reshape(x, (2, 3))
z = keras.ops.zeros((2, 3))

print("backend:", keras.config.backend())
print("a torch.Tensor:", isinstance(y, torch.Tensor))
# Keras keeps its own defaults: int32 here, where torch.arange gives int64.
print("dtypes:", y.dtype, z.dtype)

total = keras.ops.add(y, z)
# A torch tensor: torch methods work.
print("sum:", total.dtype, total.tolist())
