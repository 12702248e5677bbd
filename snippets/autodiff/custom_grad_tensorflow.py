import tensorflow as tf


@tf.custom_gradient
def round_ste(x):
    """round() on the way forward; on the way back, the gradient passes
    straight through where |x| <= 1 and is zero elsewhere."""

    def grad(upstream):  # a closure: it sees x
        return upstream * tf.cast(tf.abs(x) <= 1, upstream.dtype)

    return tf.round(x), grad


x = tf.Variable([0.2, 1.7, -0.6])
with tf.GradientTape(persistent=True) as tape:
    plain = tf.reduce_sum(tf.round(x) * 3)
    y = round_ste(x)
    custom = tf.reduce_sum(y * 3)
print("round:", tape.gradient(plain, x))  # round has no gradient at all
print("forward:", y.numpy().tolist())
print("straight-through:", tape.gradient(custom, x).numpy().tolist())
assert tape.gradient(custom, x).numpy().tolist() == [3.0, 0.0, 3.0]
del tape
