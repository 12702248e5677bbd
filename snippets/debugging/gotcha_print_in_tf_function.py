import sys

import tensorflow as tf


@tf.function
def double(x):
    print("print:", x)  # while tracing: a symbolic tensor, once
    tf.print("tf.print:", x, output_stream=sys.stdout)  # values, each call
    return x * 2


double(tf.constant([1.0, 2.0]))
double(tf.constant([3.0, 4.0]))
