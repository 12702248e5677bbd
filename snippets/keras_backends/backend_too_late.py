import os

# The backend is fixed here: $KERAS_BACKEND, else ~/.keras/keras.json,
# else TensorFlow.
import keras

print("backend at import:", keras.config.backend())

wanted = "torch"
# Too late: Keras read the variable at its first import.
os.environ["KERAS_BACKEND"] = wanted
import keras  # noqa: E402, F811 - returns the module already loaded

print("after setting KERAS_BACKEND:", keras.config.backend())
print("tensors are still:", type(keras.ops.ones(2)).__name__)
