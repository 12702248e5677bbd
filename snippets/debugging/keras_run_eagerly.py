import os

# The tensor types it prints are TensorFlow's: this example is about the
# TensorFlow backend, set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np


class Inspect(keras.layers.Layer):
    """A pass-through layer that prints what its call() receives."""

    def call(self, x):
        print(f"call() got {type(x).__name__} {tuple(x.shape)}")
        return x


# Building the model calls call() once, on a symbolic input, to work out
# the shapes.
layers = [keras.Input(shape=(4,)), Inspect(), keras.layers.Dense(1)]
model = keras.Sequential(layers)
x, y = np.ones((32, 4), "float32"), np.zeros((32, 1), "float32")

# By default fit() traces the train step into a graph: call() runs once,
# on symbolic tensors.
print("-- compiled")
model.compile(optimizer="sgd", loss="mse")
model.fit(x, y, batch_size=16, epochs=1, verbose=0)

# run_eagerly=True runs the train step as Python at every batch: values,
# prints and pdb work.
print("-- run_eagerly=True")
model.compile(optimizer="sgd", loss="mse", run_eagerly=True)
model.fit(x, y, batch_size=16, epochs=1, verbose=0)
