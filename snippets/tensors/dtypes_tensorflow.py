import os

# The Keras layer here returns a tf.Tensor: set the backend before the
# first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
import tensorflow as tf

# int32, float32:
print(tf.constant([1, 2]).dtype.name, tf.constant([1.0, 2.0]).dtype.name)

# TensorFlow does not promote: mixing int32 and float32 is an error.
try:
    tf.constant([1, 2]) + tf.constant([0.5, 0.5])
except tf.errors.InvalidArgumentError:
    print("int + float: InvalidArgumentError")
as_float = tf.cast(tf.constant([1, 2]), tf.float32)
print("after tf.cast:", (as_float + 0.5).dtype.name)

# NumPy's default float is float64, and TensorFlow keeps it.
features = np.array([[0.1, 0.2]])
print("from NumPy:", tf.constant(features).dtype.name)

# Keras layers cast floating-point inputs to their own dtype (float32).
layer = keras.layers.Dense(1)
print("Dense on float64 input:", layer(features).dtype.name)
