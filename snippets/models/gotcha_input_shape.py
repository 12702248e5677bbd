import warnings

import keras

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = keras.Sequential([keras.layers.Dense(32, input_shape=(64,))])
for warning in caught:
    print(warning.category.__name__, warning.message)

model = keras.Sequential([keras.Input(shape=(64,)), keras.layers.Dense(32)])
print("parameters:", model.count_params())
