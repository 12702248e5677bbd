import os

# On the torch backend a Keras model is an nn.Module, and fails as PyTorch
# does: set TensorFlow before the first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
from torch import nn


class TorchNet(nn.Module):
    def __init__(self):
        self.hidden = nn.Linear(4, 4)  # no super().__init__()


class KerasNet(keras.Model):
    def __init__(self):
        self.hidden = keras.layers.Dense(4)  # no super().__init__()
        # (no call() needed: Keras stops before it would run)


try:
    TorchNet()
except AttributeError as error:
    print("PyTorch:", error)
model = KerasNet()  # no error yet
try:
    model(np.zeros((1, 4)))
except RuntimeError as error:
    print("Keras:", error)
