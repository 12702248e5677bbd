import tensorflow as tf

x = tf.constant(3.0)  # a constant is not watched
with tf.GradientTape() as tape:
    y = x**2
print("unwatched:", tape.gradient(y, x))

with tf.GradientTape() as tape:
    tape.watch(x)  # record operations on x from here on
    y = x**2
print("dy/dx:", float(tape.gradient(y, x)))

# Non-trainable variables are not watched either; tf.stop_gradient cuts a path.
frozen = tf.Variable(3.0, trainable=False)
with tf.GradientTape() as tape:
    y = frozen**2 + tf.stop_gradient(x) * frozen
print("non-trainable:", tape.gradient(y, frozen))
