import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
two_cpus = [tf.config.LogicalDeviceConfiguration()] * 2

x = tf.ones((2, 2))  # any op initialises the devices
try:
    tf.config.set_logical_device_configuration(cpu, two_cpus)
except RuntimeError as error:
    print("RuntimeError:", error)
