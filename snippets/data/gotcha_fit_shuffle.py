import os
import warnings

# The example feeds a tf.data.Dataset: set the backend before the first
# `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
import tensorflow as tf

x = np.zeros((8, 1), "float32")
dataset = tf.data.Dataset.from_tensor_slices((x, x)).batch(4)
model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
model.compile(loss="mse")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(dataset, verbose=0)  # shuffle=True by default
for warning in caught:
    print(warning.category.__name__, warning.message)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model.fit(dataset, shuffle=False, verbose=0)
print("with shuffle=False:", len(caught), "warnings")
