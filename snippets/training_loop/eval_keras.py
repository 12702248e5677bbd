import keras
import numpy as np

keras.utils.set_random_seed(0)

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(2),
    ]
)
x = np.random.rand(8, 20).astype("float32")

# There is no mode to switch: each call says whether it is training
# (default: no).
first, second = model(x, training=True), model(x, training=True)
print("training=True, two calls agree:", np.array_equal(first, second))
print("default call, two calls agree:", np.array_equal(model(x), model(x)))

# fit() passes training=True for you; predict() and evaluate() do not.
same = np.allclose(model.predict(x, verbose=0), model(x), atol=1e-6)
print("predict() matches a call:", same)
