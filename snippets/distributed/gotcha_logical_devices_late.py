import tensorflow as tf

tf.ones(1)  # the first op initialises the devices
cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
try:
    tf.config.set_logical_device_configuration(cpu, config)
except RuntimeError as error:
    print("RuntimeError:", error)
