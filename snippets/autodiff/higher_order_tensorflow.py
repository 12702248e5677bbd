import tensorflow as tf

x = tf.Variable(2.0)

# Nest the tapes: the outer one records what the inner one computes.
with tf.GradientTape() as outer:
    with tf.GradientTape() as inner:
        y = x**3
    dy = inner.gradient(y, x)  # computed inside `outer`, so it is recorded
d2y = outer.gradient(dy, x)
print("dy/dx:", float(dy), "d2y/dx2:", float(d2y))

# A Jacobian of a vector output in one call.
v = tf.Variable([1.0, 2.0])
with tf.GradientTape() as tape:
    out = v**2
print("jacobian:", tape.jacobian(out, v).numpy().tolist())
