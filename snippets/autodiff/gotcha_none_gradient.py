import unittest

import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape(persistent=True) as tape:
    y = w * 3.0
z = w * 4.0  # computed after the `with` block: not recorded
print("inside the block:", float(tape.gradient(y, w)))
print("outside the block:", tape.gradient(z, w))
print("no dependence:", tape.gradient(tf.constant(1.0), w))

# Integer tensors are never watched, even when you ask; TF logs why.
n = tf.constant(3)
with unittest.TestCase().assertLogs("tensorflow") as logs:
    with tf.GradientTape() as tape:
        tape.watch(n)
        y = n * n
print("integer:", tape.gradient(y, n))
print(logs.output[0].removeprefix("WARNING:tensorflow:"))
