import os

# The tape is TensorFlow's: set the backend before the first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import tensorflow as tf

keras.utils.set_random_seed(0)

layer = keras.layers.Dense(1)
x = tf.random.normal((8, 3))
y = tf.random.normal((8, 1))

with tf.GradientTape() as tape:
    # The first call creates the weights.
    loss = keras.losses.MeanSquaredError()(y, layer(x))

# A Keras weight is a keras.Variable; on TensorFlow it wraps a tf.Variable.
print("a tf.Variable:", isinstance(layer.kernel, tf.Variable))
print("its .value is:", isinstance(layer.kernel.value, tf.Variable))

# One gradient per variable, in the order of the list you pass.
grads = tape.gradient(loss, layer.trainable_variables)
for variable, grad in zip(layer.trainable_variables, grads, strict=True):
    print(variable.path, tuple(grad.shape))
