import os

# This tab is about the TensorFlow backend: set before the first
# `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import tensorflow as tf

# keras.ops is a NumPy-like API that works on every Keras backend.
x = keras.ops.arange(6)
y = keras.ops.reshape(x, (2, 3))
z = keras.ops.zeros((2, 3))

print("backend:", keras.config.backend())
print("a tf.Tensor:", isinstance(y, tf.Tensor))
print("dtypes:", keras.ops.dtype(y), keras.ops.dtype(z))

# keras.ops.add promotes int32 + float32 on every backend; `y + z` would use
# TensorFlow's own rules, which refuse to mix them.
total = keras.ops.add(y, z)
print(
    "sum:", keras.ops.dtype(total), keras.ops.convert_to_numpy(total).tolist()
)
