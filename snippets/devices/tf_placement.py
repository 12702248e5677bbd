import tensorflow as tf

gpus = tf.config.list_physical_devices("GPU")
print("GPUs:", gpus)  # [] on a CPU-only machine: TensorFlow then runs everything on the CPU

x = tf.random.uniform((2, 2))  # no device named: GPU:0 when there is one, else the CPU
print("default placement:", x.device)

with tf.device("/CPU:0"):  # pin the ops in this block (and their outputs) to a device
    y = tf.matmul(x, x)
print("pinned to the CPU:", y.device)

# Tensors on different devices mix freely: TensorFlow copies them where the op runs.
print("mixed:", (x + y).shape)
