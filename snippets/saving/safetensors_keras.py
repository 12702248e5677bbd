import os
import tempfile

import keras
import numpy as np
from safetensors.numpy import load_file, save_file

keras.utils.set_random_seed(0)


def make_model():
    return keras.Sequential(
        [
            keras.Input(shape=(64,)),
            keras.layers.Dense(32, activation="relu", name="hidden"),
            keras.layers.Dense(10, name="logits"),
        ],
        name="digits",
    )


model = make_model()
x = np.random.rand(4, 64).astype("float32")

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "digits.safetensors")
    # Keras writes no safetensors itself: save each variable as a NumPy
    # array, named by its path (a named model and layers: stable paths).
    arrays = {v.path: keras.ops.convert_to_numpy(v) for v in model.weights}
    save_file(arrays, path)
    tensors = load_file(path)

print("names:", sorted(tensors))
restored = make_model()
for variable in restored.weights:
    variable.assign(tensors[variable.path])
same = keras.ops.all(keras.ops.equal(model(x), restored(x)))
print("same outputs:", bool(same))
