import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape(persistent=True) as tape:
    y = w * 3.0
z = w * 4.0  # computed after the `with` block: not recorded
print("inside the block:", float(tape.gradient(y, w)))
print("outside the block:", tape.gradient(z, w))
print("no dependence:", tape.gradient(tf.constant(1.0), w))
zero = tf.UnconnectedGradients.ZERO  # zeros instead of None
print(
    "asking for zeros:", float(tape.gradient(z, w, unconnected_gradients=zero))
)
del tape  # a persistent tape holds its recording until deleted


def show(record):  # a logging filter: print the message, and drop it
    print("logged:", record.getMessage())
    return False


# Integer tensors are never watched, even when you ask; TF logs why.
tf.get_logger().addFilter(show)
n = tf.constant(3)
with tf.GradientTape() as tape:
    tape.watch(n)
    y = n * n
tf.get_logger().removeFilter(show)
print("integer:", tape.gradient(y, n))
