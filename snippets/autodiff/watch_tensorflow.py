import tensorflow as tf

x = tf.constant(3.0)  # a constant is not watched
with tf.GradientTape() as tape:
    y = x**2
print("unwatched:", tape.gradient(y, x))

with tf.GradientTape() as tape:
    tape.watch(x)  # record operations on x from here on
    y = x**2
print("dy/dx:", float(tape.gradient(y, x)))

# Non-trainable variables are not watched either.
frozen = tf.Variable(3.0, trainable=False)
with tf.GradientTape() as tape:
    y = frozen**2
print("non-trainable:", tape.gradient(y, frozen))

# tf.stop_gradient cuts one path: d(w * w)/dw would be 2w = 6.
w = tf.Variable(3.0)
with tf.GradientTape() as tape:
    y = w * tf.stop_gradient(w)
print("through stop_gradient:", float(tape.gradient(y, w)))
