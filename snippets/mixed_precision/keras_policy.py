import keras

# One global switch: layers created from now on compute in bfloat16 and
# keep float32 variables.
keras.config.set_dtype_policy("mixed_bfloat16")

model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(2),
        # Keep the last step in float32: softmax (and the loss) need the range.
        keras.layers.Activation("softmax", dtype="float32"),
    ]
)
for layer in model.layers:
    policy, compute = layer.dtype_policy.name, layer.compute_dtype
    variables = layer.variable_dtype
    print(f"{layer.name:10} {policy:14} compute {compute:8}", end=" ")
    print("variables", variables)

print("kernel stored as:", model.layers[0].kernel.dtype)
print("output:", keras.ops.dtype(model(keras.ops.ones((2, 8)))))
keras.config.set_dtype_policy("float32")  # back to the default
