import os
import tempfile
import unittest

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
model.compile(optimizer="adam", loss="mse")

with tempfile.TemporaryDirectory() as folder:
    try:
        model.save_weights(os.path.join(folder, "model.h5"))
    except ValueError as error:
        print("save_weights:", str(error).split(" Received")[0])

    # model.save still writes .h5, and logs that the format is legacy.
    path = os.path.join(folder, "model.h5")
    with unittest.TestCase().assertLogs("absl") as logs:
        model.save(path)
    print(logs.output[0].split(". ")[1])
    try:
        keras.models.load_model(path)
    except ValueError as error:
        print("load_model:", error)
    restored = keras.models.load_model(path, compile=False)
    print("compile=False:", restored.layers[0].kernel.shape)

    # zipped=False writes the .keras contents to a folder.
    model.save(os.path.join(folder, "model"), zipped=False)
    print("folder:", sorted(os.listdir(os.path.join(folder, "model"))))
