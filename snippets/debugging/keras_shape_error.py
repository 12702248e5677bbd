import re

import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
model.compile(optimizer="sgd", loss="mse")

# Keras checks inputs against the layer's expected shape before running it.
try:
    model.predict(np.ones((2, 5), "float32"), verbose=0)
except ValueError as error:
    print("ValueError:", re.search(r"expected axis.*?\(2, 5\)", str(error)).group(0))

# A target of the wrong shape fails inside the compiled train step, with TensorFlow's message.
try:
    model.fit(np.ones((8, 4), "float32"), np.ones((8, 2), "float32"), verbose=0)
except ValueError as error:
    print(
        "ValueError:",
        re.search(r"Dimensions must be equal, but are \d+ and \d+", str(error)).group(0),
    )
    print("           ", re.search(r"with input shapes: .*\.", str(error)).group(0))
