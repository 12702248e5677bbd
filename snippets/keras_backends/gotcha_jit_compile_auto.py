import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")  # jit_compile="auto", the default
print("backend:", keras.config.backend(), "| jit_compile:", model.jit_compile)
