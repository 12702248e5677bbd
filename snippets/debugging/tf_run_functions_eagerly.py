import tensorflow as tf


@tf.function
def step(x):
    # Inside a tf.function, Python runs only while tracing, on symbolic
    # tensors without values: print() fires once, x.numpy() fails, and a
    # breakpoint() stops only during the trace.
    has_value = hasattr(x, "numpy")
    print("Python sees:", type(x).__name__, "| has a value:", has_value)
    return x * 2


x = tf.constant([1.0, 2.0])
step(x)
step(x)  # no print: the traced graph runs

# To debug, run every tf.function as plain eager code, then switch back.
tf.config.run_functions_eagerly(True)
try:
    step(x)
    step(x)
finally:
    tf.config.run_functions_eagerly(False)
