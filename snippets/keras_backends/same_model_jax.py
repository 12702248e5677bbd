import os

os.environ["KERAS_BACKEND"] = "jax"  # before the first `import keras`

import jax
import keras
import numpy as np
from keras import ops

# Full float32 matmuls (no TF32 on NVIDIA GPUs): backends compared exactly.
jax.config.update("jax_default_matmul_precision", "highest")


class Standardize(keras.layers.Layer):
    """A custom layer in keras.ops only: it runs on every backend."""

    def call(self, x):
        mean = ops.mean(x, axis=-1, keepdims=True)
        return (x - mean) / (ops.std(x, axis=-1, keepdims=True) + 1e-6)


model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        Standardize(),
        keras.layers.Dense(3, activation="tanh"),
    ]
)
# Weights from NumPy: every backend starts from the same numbers.
rng = np.random.default_rng(0)
weights = [rng.normal(0, 0.5, w.shape) for w in model.get_weights()]
model.set_weights([w.astype("float32") for w in weights])

x = np.arange(8, dtype="float32").reshape(2, 4) ** 2
print("backend:", keras.config.backend())
y = model(x)
print("model(x) returns:", type(y).__module__.split(".")[0], type(y).__name__)
predictions = model.predict(x, verbose=0).astype(float)
print("predict:", predictions.round(3).tolist())
