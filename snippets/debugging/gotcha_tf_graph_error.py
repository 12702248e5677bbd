import tensorflow as tf

rows = tf.TensorSpec([None, 5])  # shapes known only when the graph runs


@tf.function(input_signature=[rows, rows])
def add(a, b):
    return a + b


try:
    add(tf.ones((2, 5)), tf.ones((3, 5)))  # do not broadcast
except tf.errors.InvalidArgumentError as error:
    lines = [line.strip() for line in error.message.splitlines()]
    print("first line:", lines[0])
    print([line for line in lines if line.startswith("Detected at")][0])
