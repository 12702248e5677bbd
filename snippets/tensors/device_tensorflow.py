import tensorflow as tf

gpus = tf.config.list_physical_devices("GPU")

# TensorFlow places each new tensor and op on the first GPU when there is one.
x = tf.ones((2, 3))
expected = "GPU:0" if gpus else "CPU:0"
print("default placement as expected:", x.device.endswith(expected))

# A tf.device block pins placement; copies between devices happen on their own.
with tf.device("/CPU:0"):
    y = tf.ones((2, 3))
print("pinned to the CPU:", y.device.endswith("CPU:0"))
print("mixed devices just work:", float(tf.reduce_sum(x + y)))
print(type((x + y).numpy()).__name__)  # .numpy() copies back from any device
