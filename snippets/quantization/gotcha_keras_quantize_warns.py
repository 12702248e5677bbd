import warnings

import keras

model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16),
        keras.layers.Dropout(0.1),
        keras.layers.Dense(2),
    ]
)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", UserWarning)
    model.quantize("int8")
for warning in caught:
    print(f"{warning.category.__name__}: {warning.message}")
