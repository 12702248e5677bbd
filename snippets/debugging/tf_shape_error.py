import tensorflow as tf

try:
    tf.matmul(tf.ones((2, 5)), tf.ones((4, 3)))
except tf.errors.InvalidArgumentError as error:
    # error.message starts with the kernel that failed; the readable part follows "}}".
    print(f"{type(error).__name__}: {error.message.split('}}')[-1].split('[Op:')[0].strip()}")

try:
    tf.ones((2, 5)) + tf.ones((3, 5))
except tf.errors.InvalidArgumentError as error:
    print(f"{type(error).__name__}: {error.message.split('}}')[-1].split('[Op:')[0].strip()}")
