import tensorflow as tf

# By default TensorFlow reserves almost all GPU memory at its first GPU op. Memory growth makes it
# allocate on demand instead; it must be set before any op initialises the devices.
gpus = tf.config.list_physical_devices("GPU")
for gpu in gpus:
    tf.config.experimental.set_memory_growth(gpu, True)
assert all(tf.config.experimental.get_memory_growth(gpu) for gpu in gpus)

x = tf.ones((2, 2))  # the first op: TensorFlow initialises its devices here

# From now on the device configuration is frozen. The same rule, shown on the CPU so that it runs
# everywhere: splitting the CPU into two logical devices is refused after the first op.
cpu = tf.config.list_physical_devices("CPU")[0]
try:
    tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
except RuntimeError as error:
    print("too late:", error)
