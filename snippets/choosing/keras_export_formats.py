import os

# Which formats work depends on the backend: this example shows TensorFlow,
# Keras' default backend.
os.environ["KERAS_BACKEND"] = "tensorflow"  # before the first `import keras`

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])

# Ask for a format Keras does not have: the error lists those it does.
try:
    model.export("model", format="coreml")
except ValueError as error:
    unknown, _, supported = str(error).partition(" Supported formats are: ")
    print(unknown)
    print("supported:", supported)

# Some formats need a given backend: "torch" needs the PyTorch backend.
print("backend:", keras.backend.backend())
try:
    model.export("model.pt2", format="torch")
except ValueError as error:
    print(error)
