import keras
import numpy as np

keras.utils.set_random_seed(0)
# The float16 policy, for GPUs; it also runs (slowly) on a CPU.
keras.config.set_dtype_policy("mixed_float16")

model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(32, activation="relu"),
        # The output (and so the loss) in float32.
        keras.layers.Dense(1, dtype="float32"),
    ]
)
# With a float16 policy, compile() wraps the optimizer in a
# LossScaleOptimizer by itself.
model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
optimizer = model.optimizer
inner = type(optimizer.inner_optimizer).__name__
print("optimizer:", type(optimizer).__name__, "around", inner)

x = np.random.randn(64, 8).astype("float32")
y = x.sum(axis=1, keepdims=True)
history = model.fit(x, y, epochs=5, batch_size=64, verbose=0)
print("hidden layer computes in:", model.layers[0].compute_dtype)
losses = history.history["loss"]
assert losses[-1] < losses[0], "the loss should go down"
keras.config.set_dtype_policy("float32")  # back to the default
