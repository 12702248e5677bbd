import keras
import numpy as np

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(256, activation="relu"),
        keras.layers.Dense(10),
    ]
)
# Weights from NumPy, so that every backend quantizes the same numbers.
rng = np.random.default_rng(0)
model.set_weights([rng.normal(0, 0.1, w.shape) for w in model.weights])
x = rng.random((32, 64), dtype="float32")
expected = keras.ops.convert_to_numpy(model(x))


def weight_bytes(model):
    return sum(w.numpy().nbytes for w in model.weights)


print("float32 weights:", weight_bytes(model), "bytes")
# In place, on a built model. The filter names the layers to quantize:
# without it, Keras warns about each layer it cannot (see Gotchas).
model.quantize("int8", filters=lambda layer: hasattr(layer, "kernel"))
print("int8 weights:   ", weight_bytes(model), "bytes")
for w in model.layers[0].weights:
    print(f"  {w.name:<13}{w.dtype:<8} {tuple(w.shape)}")
out = keras.ops.convert_to_numpy(model(x))
error = np.abs(out - expected).max() / np.abs(expected).max()
print(f"max abs diff: {error:.0%} of the largest output")
