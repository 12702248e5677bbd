import os

# Set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "torch"

import keras
import numpy as np
import torch

# On the PyTorch backend Keras picks one device when it is imported: the
# one KERAS_TORCH_DEVICE names, else mps, cuda or xpu when torch finds
# one, else the CPU. It creates every variable there: no .to().
found = torch.accelerator.current_accelerator(check_available=True)
chosen = torch.device(os.environ.get("KERAS_TORCH_DEVICE", found or "cpu"))
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
kernel = model.layers[0].kernel.value
print("weights on the expected device:", kernel.device.type == chosen.type)

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
