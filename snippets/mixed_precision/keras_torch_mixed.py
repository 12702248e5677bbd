import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import numpy as np

# The same policy names work on every backend; on PyTorch the tensors are
# torch.bfloat16.
keras.config.set_dtype_policy("mixed_bfloat16")
model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(2, dtype="float32"),
    ]
)
hidden = model.layers[0]
print("kernel:", hidden.kernel.value.dtype)
print("hidden output:", hidden(np.ones((2, 8), dtype="float32")).dtype)
print("model output:", model(np.ones((2, 8), dtype="float32")).dtype)
keras.config.set_dtype_policy("float32")  # back to the default
