import os

# Set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "torch"

import keras
import numpy as np
import torch

# On the PyTorch backend Keras creates its variables on "cuda" when torch
# sees a GPU: no .to().
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
expected = "cuda" if torch.cuda.is_available() else "cpu"
kernel = model.layers[0].kernel.value
print("weights on the expected device:", kernel.device.type == expected)

# Keras moves the NumPy inputs you call it on to that device; the output
# is a torch tensor there.
out = model(np.ones((4, 3), dtype="float32"))
print("output:", type(out).__name__, tuple(out.shape))

# keras.device() pins to a device, as with the TensorFlow backend.
with keras.device("cpu"):
    cpu_model = keras.Sequential(
        [keras.Input(shape=(3,)), keras.layers.Dense(2)]
    )
print("pinned weights on:", cpu_model.layers[0].kernel.value.device.type)
