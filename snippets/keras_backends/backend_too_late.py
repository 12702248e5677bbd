import os

# In time: nothing has imported Keras yet.
os.environ["KERAS_BACKEND"] = "tensorflow"
import keras  # noqa: E402 - the backend is fixed here, at the first import

print("backend at import:", keras.config.backend())

# Too late: Keras read the variable at its first import.
os.environ["KERAS_BACKEND"] = "torch"
import keras  # noqa: E402, F811 - returns the module already loaded

print("after setting KERAS_BACKEND:", keras.config.backend())
print("tensors are still:", type(keras.ops.ones(2)).__name__)
