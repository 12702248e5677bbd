import re

import tensorflow as tf

# enable_check_numerics() checks the output of every op, eager or inside
# tf.function, and names the first one that produces a NaN or an infinity.
tf.debugging.enable_check_numerics()


@tf.function
def loss_fn(x):
    scaled = x * 10.0
    return tf.reduce_mean(tf.math.log(scaled))  # log of a negative number: NaN


try:
    loss_fn(tf.constant([4.0, -1.0]))
except tf.errors.InvalidArgumentError as error:
    print(re.search(r"!!! (.*) !!!", error.message)[1])
    print("graph:", re.search(r'Graph name: "(\w+)"', error.message)[1])
finally:
    tf.debugging.disable_check_numerics()  # it slows every op: debug only
