import os

os.environ["KERAS_BACKEND"] = "torch"  # must be set before the first `import keras`

import keras
import numpy as np
import torch

# On the PyTorch backend Keras creates its variables on "cuda" when torch sees a GPU: no .to().
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
expected = "cuda" if torch.cuda.is_available() else "cpu"
print(
    "weights on the expected device:",
    model.layers[0].kernel.value.device.type == expected,
)

# NumPy inputs are moved to that device for you; the output is a torch tensor there.
out = model(np.ones((4, 3), dtype="float32"))
print(
    "output is a torch.Tensor:",
    isinstance(out, torch.Tensor),
    "| shape:",
    tuple(out.shape),
)

# keras.device() pins to a device, as with the TensorFlow backend.
with keras.device("cpu"):
    cpu_model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
print("pinned weights on:", cpu_model.layers[0].kernel.value.device.type)
