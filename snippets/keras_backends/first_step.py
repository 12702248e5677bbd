import time

import keras
import numpy as np

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
x = np.random.rand(64, 784).astype("float32")
y = np.random.randint(0, 10, size=64)

times = []
for _ in range(11):
    start = time.perf_counter()
    model.train_on_batch(x, y)  # the first call traces or compiles the step
    times.append(time.perf_counter() - start)
print("backend:", keras.config.backend())
print(f"first step: {times[0] * 1000:.0f} ms")
print(f"next 10 steps, median: {np.median(times[1:]) * 1000:.1f} ms")
