import os
import tempfile
import zipfile

import keras
import numpy as np

keras.utils.set_random_seed(0)

model = keras.Sequential(
    [keras.Input(shape=(64,)), keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10)]
)
model.compile(optimizer="adam", loss="mse")
x, y = np.random.rand(32, 64).astype("float32"), np.random.rand(32, 10).astype("float32")
model.fit(x, y, epochs=2, verbose=0)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "digits.keras")
    model.save(path)  # architecture, weights, compile settings and optimizer state
    print("inside the .keras zip:", sorted(zipfile.ZipFile(path).namelist()))

    restored = keras.models.load_model(path)  # no Python class needed for built-in layers

print("layers:", [layer.name for layer in restored.layers])
print("compiled with:", restored.optimizer.name, restored.loss)
print("optimizer steps:", int(restored.optimizer.iterations))  # ready to resume training
print("same outputs:", np.array_equal(model.predict(x, verbose=0), restored.predict(x, verbose=0)))
