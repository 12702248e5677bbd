import keras
import numpy as np

model = keras.Sequential(
    [
        # The input shape lets Keras create the weights now.
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10),
    ]
)
print("parameters:", model.count_params())
print("weights:", [w.path for w in model.weights])
print("output:", tuple(model(np.random.rand(5, 64)).shape))

# Without keras.Input the model has no weights until it first sees data.
lazy = keras.Sequential(
    [keras.layers.Dense(32, activation="relu"), keras.layers.Dense(10)]
)
try:
    lazy.count_params()
except ValueError:
    print("count_params before a call: ValueError")
lazy(np.random.rand(5, 64))
print("after a call:", lazy.count_params())
print("names:", [layer.name for layer in lazy.layers])

# Names are counted across the process; clear_session() restarts the count.
keras.backend.clear_session()
print("after clear_session():", keras.layers.Dense(1).name)
