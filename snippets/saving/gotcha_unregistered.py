import os
import tempfile

import keras


class Scale(keras.layers.Layer):  # not registered
    def call(self, x):
        return x * 2.0


model = keras.Sequential([keras.Input(shape=(4,)), Scale()])

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.keras")
    model.save(path)  # saving works
    try:
        keras.models.load_model(path)
    except TypeError as error:
        print("TypeError:", str(error).splitlines()[0])
    restored = keras.models.load_model(path, custom_objects={"Scale": Scale})
    print("with custom_objects:", type(restored.layers[0]).__name__)
