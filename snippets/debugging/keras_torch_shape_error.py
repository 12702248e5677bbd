import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import re

import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
model.compile(optimizer="sgd", loss="mse")

# The input check is Keras' own: the same message on every backend.
try:
    model.predict(np.ones((2, 5), "float32"), verbose=0)
except ValueError as error:
    print("ValueError:", re.search(r"layer '.*?\(2, 5\)", str(error))[0])

# Inside the train step the backend speaks: PyTorch's broadcasting error.
try:
    model.fit(np.ones((8, 4), "f"), np.ones((8, 2), "f"), verbose=0)
except RuntimeError as error:
    print("RuntimeError:", error)
