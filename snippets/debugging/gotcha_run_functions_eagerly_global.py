import tensorflow as tf


@tf.function
def double(x):
    return x * 2


tf.config.run_functions_eagerly(True)
try:
    # Every tf.function, not only the one you debug, now runs eagerly.
    print("eager everywhere:", tf.config.functions_run_eagerly())
    print("double() gets a value:", double(tf.ones(1)).numpy())
finally:
    tf.config.run_functions_eagerly(False)  # always switch it back
print("after:", tf.config.functions_run_eagerly())
