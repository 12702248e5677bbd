import keras
import numpy as np


class DigitsNet(keras.Model):
    def __init__(self, n_hidden=32, n_classes=10, **kwargs):
        super().__init__(**kwargs)
        # Layers assigned as attributes are tracked: their weights become
        # the model's.
        self.hidden = keras.layers.Dense(n_hidden, activation="relu")
        self.out = keras.layers.Dense(n_classes)

    def call(self, x):
        return self.out(self.hidden(x))


model = DigitsNet()
# The input size is not given anywhere: weights are created on the first call.
print("built before the first call:", model.built)
output = model(np.random.rand(5, 64).astype("float32"))
print("parameters:", model.count_params())
print("hidden kernel:", tuple(model.hidden.kernel.shape))  # (in, out)
print("output:", tuple(output.shape))
