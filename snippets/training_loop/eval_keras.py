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
# (convert_to_numpy works on every backend; on PyTorch, outputs that
# autograd recorded cannot go to NumPy directly.)
first = keras.ops.convert_to_numpy(model(x, training=True))
second = keras.ops.convert_to_numpy(model(x, training=True))
print("training=True, two calls agree:", np.array_equal(first, second))
default = keras.ops.convert_to_numpy(model(x))
again = keras.ops.convert_to_numpy(model(x))
print("default call, two calls agree:", np.array_equal(default, again))

# fit() passes training=True for you; predict() and evaluate() do not.
# (The tolerance allows for a GPU, where predict() may use XLA and TF32.)
same = np.allclose(model.predict(x, verbose=0), default, atol=1e-3)
print("predict() matches a call:", same)
