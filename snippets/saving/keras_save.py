import os
import tempfile
import zipfile

import keras
import numpy as np

keras.utils.set_random_seed(0)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10),
    ]
)
model.compile(optimizer="adam", loss="mse")
x = np.random.rand(32, 64).astype("float32")
y = np.random.rand(32, 10).astype("float32")
model.fit(x, y, epochs=2, verbose=0)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "digits.keras")
    # Architecture, weights, compile settings and optimizer state.
    model.save(path)
    with zipfile.ZipFile(path) as archive:
        print("inside the .keras zip:", sorted(archive.namelist()))

    # No Python class needed for built-in layers.
    restored = keras.models.load_model(path)

print("layers:", [layer.name for layer in restored.layers])
print("compiled with:", restored.optimizer.name, restored.loss)
# Ready to resume training:
print("optimizer steps:", int(restored.optimizer.iterations))
same = np.array_equal(
    model.predict(x, verbose=0), restored.predict(x, verbose=0)
)
print("same outputs:", same)
