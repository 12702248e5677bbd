import os

# keras.distribution is implemented for the JAX backend.
os.environ["KERAS_BACKEND"] = "jax"
# Two CPU devices stand in for two accelerators (set before JAX starts).
os.environ["XLA_FLAGS"] = "--xla_force_host_platform_device_count=2"

import tempfile

import keras
import numpy as np

devices = keras.distribution.list_devices("cpu")
mesh = keras.distribution.DeviceMesh((2,), ["batch"], devices)
# Shard the first kernel's columns over the mesh, as FSDP shards a
# PyTorch parameter; variables the map does not name are replicated.
layout_map = keras.distribution.LayoutMap(mesh)
layout_map[".*hidden/kernel"] = (None, "batch")
layout_map[".*hidden/bias"] = ("batch",)
keras.distribution.set_distribution(
    keras.distribution.ModelParallel(layout_map=layout_map)
)

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu", name="hidden"),
        keras.layers.Dense(1),
    ]
)
model.compile(optimizer="adam", loss="mse")
x = np.random.randn(32, 8).astype("float32")
model.fit(x, x.sum(1, keepdims=True), batch_size=16, epochs=2, verbose=0)

kernel = model.layers[0].kernel.value  # a jax.Array split over 2 devices
shards = [tuple(shard.data.shape) for shard in kernel.addressable_shards]
print("kernel", kernel.shape, "shards:", shards)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.keras")
    model.save(path)  # gathers the shards: one file, the whole model
    restored = keras.models.load_model(path)
same = np.array_equal(
    model.predict(x, verbose=0), restored.predict(x, verbose=0)
)
print("reloaded model gives the same outputs:", same)
