import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])

# Ask for a format Keras does not have: the error lists those it does.
try:
    model.export("model", format="coreml")
except ValueError as error:
    unknown, supported = str(error).split(" Supported formats are: ")
    print(unknown)
    print("supported:", supported)

# Some formats need a given backend; this runs on TensorFlow, the default.
print("backend:", keras.backend.backend())
try:
    model.export("model.pt2", format="torch")
except ValueError as error:
    print(error)
