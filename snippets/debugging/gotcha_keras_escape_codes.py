import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])
try:
    model(np.ones((2, 5), "float32"))
except ValueError as error:
    print(
        "bold on:", "\x1b[1m" in str(error), "| off:", "\x1b[0m" in str(error)
    )
