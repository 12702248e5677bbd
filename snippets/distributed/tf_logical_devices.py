import tensorflow as tf

# Split the one physical CPU into two logical devices, to try multi-device
# code on a laptop. Like the other physical-device settings, this must
# happen before the first TensorFlow op.
cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, config)

devices = tf.config.list_logical_devices("CPU")
print("logical CPUs:", [d.name for d in devices])
for device in devices:
    with tf.device(device.name):
        x = tf.ones((2, 2)) * 2
    print(x.device.rsplit("/", 1)[-1], float(tf.reduce_sum(x)))
