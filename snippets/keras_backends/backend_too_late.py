import os

import keras  # the backend is fixed here: $KERAS_BACKEND, else ~/.keras/keras.json, else TensorFlow

print("backend at import:", keras.config.backend())

wanted = "torch"
os.environ["KERAS_BACKEND"] = wanted  # too late: Keras read the variable at its first import
import keras  # noqa: E402, F811 - a second import returns the module already loaded

print("after setting KERAS_BACKEND:", keras.config.backend())
print("tensors are still:", type(keras.ops.ones(2)).__name__)
