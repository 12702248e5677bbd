import os

# TFSMLayer runs a SavedModel on the TensorFlow backend only.
os.environ["KERAS_BACKEND"] = "tensorflow"

import tempfile

import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "saved_model")
    model.export(path, verbose=False)  # a TensorFlow SavedModel folder
    try:
        keras.models.load_model(path)
    except ValueError as error:
        print(str(error).split(". ")[2])
    layer = keras.layers.TFSMLayer(path, call_endpoint="serve")
    print("TFSMLayer output:", tuple(layer(np.zeros((1, 4))).shape))
