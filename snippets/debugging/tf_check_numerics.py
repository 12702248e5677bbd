import tensorflow as tf

x = tf.constant([4.0, -1.0])
print("log(x):", tf.math.log(x).numpy())  # a NaN, silently

# check_numerics is an assertion on one tensor: it raises if it holds a
# NaN or an inf. Its message contains your label.
try:
    tf.debugging.check_numerics(tf.math.log(x), message="log(x)")
except tf.errors.InvalidArgumentError as error:
    label_on = error.message.index("log(x)")
    print("InvalidArgumentError:", error.message[label_on:].split(" [Op")[0])
