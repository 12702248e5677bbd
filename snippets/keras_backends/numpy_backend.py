import os

# The NumPy backend runs Keras on plain NumPy arrays, for inference only.
os.environ["KERAS_BACKEND"] = "numpy"

import keras
import numpy as np

model = keras.Sequential(
    [keras.Input((4,)), keras.layers.Dense(2, kernel_initializer="ones")]
)
x = np.arange(8, dtype="float32").reshape(2, 4)
print("backend:", keras.config.backend())
print("model(x) returns:", type(model(x)).__name__)
print("predict:", model.predict(x, verbose=0).tolist())

model.compile(optimizer="sgd", loss="mse")
try:
    model.fit(x, np.zeros((2, 2)), verbose=0)
except NotImplementedError as error:
    print("fit:", error)
