import os
import tempfile

import keras
import numpy as np

keras.utils.set_random_seed(0)


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(10),
        ]
    )


model = make_model()
x = np.random.rand(4, 64).astype("float32")

with tempfile.TemporaryDirectory() as folder:
    try:
        model.save_weights(os.path.join(folder, "digits.h5"))
    except ValueError as error:
        print("save_weights('digits.h5'):", str(error).split(" Received")[0])

    path = os.path.join(folder, "digits.weights.h5")
    model.save_weights(path)  # weights only: your code builds the model
    restored = make_model()
    restored.load_weights(path)

# Matched by structure: the new layers have other names.
print("saved from:", [layer.name for layer in model.layers])
print("loaded into:", [layer.name for layer in restored.layers])
same = keras.ops.all(keras.ops.equal(model(x), restored(x)))
print("same outputs:", bool(same))
