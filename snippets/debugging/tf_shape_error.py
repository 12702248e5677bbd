import tensorflow as tf

# error.message starts with "{{function_node ...}}", the kernel that failed
# (it names the device); the readable part follows, then "[Op:...]".
for a, b, op in [
    (tf.ones((2, 5)), tf.ones((4, 3)), tf.matmul),
    (tf.ones((2, 5)), tf.ones((3, 5)), tf.add),  # shapes that do not broadcast
]:
    try:
        op(a, b)
    except tf.errors.InvalidArgumentError as error:
        readable = error.message.split("}}")[-1].split("[Op:")[0].strip()
        print(f"{type(error).__name__}: {readable}")
