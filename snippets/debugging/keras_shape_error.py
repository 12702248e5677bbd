import os

# The second error comes from TensorFlow: this example is about the
# TensorFlow backend, set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import re

import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
model.compile(optimizer="sgd", loss="mse")

# Keras checks inputs against the layer's expected shape before running it.
try:
    model.predict(np.ones((2, 5), "float32"), verbose=0)
except ValueError as error:
    # The message names the layer; this prints the line that matters.
    print("ValueError:", re.search(r"layer '.*?\(2, 5\)", str(error))[0])

# A target of the wrong shape fails inside the compiled train step, with
# TensorFlow's message.
try:
    model.fit(np.ones((8, 4), "f"), np.ones((8, 2), "f"), verbose=0)
except ValueError as error:
    message = str(error)
    pattern = r"Dimensions must be equal, but are \d+ and \d+"
    print("ValueError:", re.search(pattern, message)[0])
    print("           ", re.search(r"with input shapes: .*\.", message)[0])
