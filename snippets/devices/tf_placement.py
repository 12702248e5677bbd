import tensorflow as tf

# Split the CPU in two (before the first op), so that there are two
# devices to place work on, with or without a GPU.
cpu = tf.config.list_physical_devices("CPU")[0]
two_cpus = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, two_cpus)

# No device named: GPU:0 when TensorFlow found one, else the CPU.
expected = "GPU:0" if tf.config.list_logical_devices("GPU") else "CPU:0"
x = tf.random.uniform((2, 2))
print("default: GPU:0, or the CPU:", x.device.endswith(expected))

# Pin the ops in this block (and their outputs) to a device.
with tf.device("/CPU:1"):
    y = tf.matmul(x, x)
print("pinned:", y.device.split("device:")[-1])

# Tensors on different devices mix freely: TensorFlow copies the inputs
# to the device the op runs on.
with tf.device("/CPU:0"):
    z = y + 1.0
print("CPU:1 tensor + 1 on CPU:0 ->", z.device.split("device:")[-1])
