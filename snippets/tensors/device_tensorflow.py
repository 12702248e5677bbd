import tensorflow as tf

gpus = tf.config.list_physical_devices("GPU")

# TensorFlow places each new tensor and op on the first GPU when there is one.
x = tf.ones((2, 3))
expected = "GPU:0" if gpus else "CPU:0"
print("default placement as expected:", x.device.endswith(expected))

# A tf.device block pins placement.
with tf.device("/CPU:0"):
    y = tf.ones((2, 3))
print("pinned to the CPU:", y.device.endswith("CPU:0"))

# An op outside any block runs on the default device, whatever its inputs'
# devices: on a GPU machine, y is copied there first.
total = x + y
print("x + y on the default device:", total.device.endswith(expected))
print(float(tf.reduce_sum(total)), type(total.numpy()).__name__)
