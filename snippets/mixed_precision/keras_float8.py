import keras
import numpy as np

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [keras.Input((16,)), keras.layers.Dense(16), keras.layers.Dense(1)]
)
try:
    model.quantize("fp8")
except ValueError as error:  # the message lists the modes
    print(str(error).split(" Received")[0])

# Only layers with a kernel have a quantized form.
model.quantize("float8", filters=lambda layer: hasattr(layer, "kernel"))
dense = model.layers[0]
print("policy:", dense.dtype_policy.name, "| kernel:", dense.kernel.dtype)

# float8 mode trains: fit() updates the weights and the FP8 scales.
x = np.random.rand(64, 16).astype("float32")
y = x.sum(axis=1, keepdims=True)
model.compile(optimizer="adam", loss="mse")
history = model.fit(x, y, epochs=3, verbose=0).history["loss"]
print("loss went down:", history[-1] < history[0])
print("input scale updated:", float(dense.inputs_scale.numpy()) != 1.0)
