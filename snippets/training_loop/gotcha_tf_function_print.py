import sys

import tensorflow as tf


@tf.function
def step(x):
    print("print: runs while tracing")
    tf.print("tf.print: runs on every call", output_stream=sys.stdout)
    return x * 2


for value in (1.0, 2.0, 3.0):
    step(tf.constant(value))
