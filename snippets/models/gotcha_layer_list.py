import keras
import numpy as np
from torch import nn


class TorchNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.plain = [nn.Linear(4, 4), nn.Linear(4, 4)]  # a Python list
        self.listed = nn.ModuleList([nn.Linear(4, 4)])


class KerasNet(keras.Model):
    def __init__(self):
        super().__init__()
        self.blocks = [keras.layers.Dense(4), keras.layers.Dense(4)]

    def call(self, x):
        for block in self.blocks:
            x = block(x)
        return x


print("torch parameters:", [name for name, _ in TorchNet().named_parameters()])
model = KerasNet()
model(np.zeros((1, 4)))
print("keras weights:", len(model.weights))
