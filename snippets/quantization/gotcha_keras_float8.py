import keras


def build():
    return keras.Sequential(
        [keras.Input(shape=(64,)), keras.layers.Dense(256)]
    )


def weight_bytes(model):
    return sum(w.numpy().nbytes for w in model.weights)


print("float32:", weight_bytes(build()), "bytes")
for mode in ["int8", "float8"]:
    model = build()
    model.quantize(mode, filters=lambda layer: hasattr(layer, "kernel"))
    kernel = model.layers[0].kernel
    print(f"{mode}: {weight_bytes(model)} bytes, kernel {kernel.dtype}")
