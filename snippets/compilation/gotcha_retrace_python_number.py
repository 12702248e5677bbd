import tensorflow as tf


@tf.function
def scale(x, factor):
    return x * factor


x = tf.ones(2)
for factor in [1.0, 2.0, 3.0]:
    scale(x, factor)  # a Python float is part of the signature
print("Python floats, traces:", scale.experimental_get_tracing_count())
for factor in [1.0, 2.0, 3.0]:
    scale(x, tf.constant(factor))  # a tensor: one new trace, reused
print("then tensors, traces:", scale.experimental_get_tracing_count())
