import tensorflow as tf

gpus = tf.config.list_physical_devices("GPU")
# [] on a CPU-only machine: TensorFlow then runs everything on the CPU.
print("GPUs:", gpus)

# No device named: GPU:0 when there is one, else the CPU.
x = tf.random.uniform((2, 2))
print("default placement:", x.device)

# Pin the ops in this block (and their outputs) to a device.
with tf.device("/CPU:0"):
    y = tf.matmul(x, x)
print("pinned to the CPU:", y.device)

# Tensors on different devices mix freely: TensorFlow copies them where
# the op runs.
print("mixed:", (x + y).shape)
