import keras
import numpy as np
from keras import ops


class Standardize(keras.layers.Layer):
    """A custom layer in keras.ops only: it runs unchanged on every backend."""

    def call(self, x):
        mean = ops.mean(x, axis=-1, keepdims=True)
        return (x - mean) / (ops.std(x, axis=-1, keepdims=True) + 1e-6)


model = keras.Sequential(
    [keras.Input(shape=(4,)), Standardize(), keras.layers.Dense(3, activation="tanh")]
)
# Weights from NumPy, so that both backends start from the same numbers.
rng = np.random.default_rng(0)
model.set_weights([rng.normal(0, 0.5, w.shape).astype("float32") for w in model.get_weights()])

x = np.arange(8, dtype="float32").reshape(2, 4) ** 2
print("backend:", keras.config.backend())
print("model(x) returns:", type(model(x)).__module__.split(".")[0], type(model(x)).__name__)
print("predict:", np.round(model.predict(x, verbose=0).astype(float), 3).tolist())
