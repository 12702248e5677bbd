import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])


def per_replica_value():
    context = tf.distribute.get_replica_context()
    return tf.cast(context.replica_id_in_sync_group + 1, tf.float32)  # 1.0 and 2.0


@tf.function  # strategy.run belongs in a tf.function (TensorFlow warns when it runs eagerly)
def run_on_replicas():
    return strategy.run(per_replica_value)  # calls the function once per replica


values = run_on_replicas()  # one value per device
print("per replica:", [float(v) for v in strategy.experimental_local_results(values)])
# reduce() is the all-reduce that synchronous training applies to the gradients.
print("sum:", float(strategy.reduce(tf.distribute.ReduceOp.SUM, values, axis=None)))
print("mean:", float(strategy.reduce(tf.distribute.ReduceOp.MEAN, values, axis=None)))
