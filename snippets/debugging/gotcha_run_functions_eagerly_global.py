import warnings

import tensorflow as tf


@tf.function
def double(x):
    return x * 2


tf.config.run_functions_eagerly(True)
try:
    # Every tf.function, not only the one you debug, now runs eagerly.
    print("eager everywhere:", tf.config.functions_run_eagerly())
    print("double() gets a value:", double(tf.ones(1)).numpy())
    # Except tf.data's: map() still traces its function, and says so.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tf.data.Dataset.range(2).map(double)
    for sentence in str(caught[0].message).split(". "):
        print("tf.data:", sentence)
finally:
    tf.config.run_functions_eagerly(False)  # always switch it back
print("after:", tf.config.functions_run_eagerly())
