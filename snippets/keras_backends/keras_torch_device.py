import os

# Keras on PyTorch reads KERAS_TORCH_DEVICE once, when Keras is imported:
# here it keeps everything on the CPU, even on a machine with a GPU.
os.environ["KERAS_BACKEND"] = "torch"
os.environ["KERAS_TORCH_DEVICE"] = "cpu"

import keras
import torch

layer = keras.layers.Dense(2)
y = layer(torch.ones(1, 3))
print("kernel on:", layer.kernel.value.device)
print("output on:", y.device)
