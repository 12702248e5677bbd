import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, config)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])


@tf.function
def replica_losses():
    # Each replica holds 8 of a global batch of 16 losses, all equal to 1.
    per_example = tf.ones(8)
    return strategy.run(lambda: tf.nn.compute_average_loss(per_example))


losses = strategy.experimental_local_results(replica_losses())
print("each replica:", [float(loss) for loss in losses])  # sum / 16
print("summed over replicas:", float(tf.add_n(losses)))  # the batch mean
