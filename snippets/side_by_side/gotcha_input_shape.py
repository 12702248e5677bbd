import warnings

import keras

# Older tutorials pass input_shape= to the first layer; Keras 3 warns.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.layers.Dense(128, input_shape=(784,))
first_sentence = str(caught[0].message).split(". ")[0]
print(caught[0].category.__name__ + ":", first_sentence)

# The Keras 3 way: declare the input first. No warning.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(128)])
print("with keras.Input:", len(caught), "warnings")
