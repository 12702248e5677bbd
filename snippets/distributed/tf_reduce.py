import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, config)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])


def per_replica_value():
    context = tf.distribute.get_replica_context()
    replica = context.replica_id_in_sync_group
    return tf.cast(replica + 1, tf.float32)  # 1.0 and 2.0


@tf.function  # strategy.run belongs in a tf.function (see the Gotchas)
def run_on_replicas():
    return strategy.run(per_replica_value)  # once per replica


values = run_on_replicas()  # one value per device
local = strategy.experimental_local_results(values)
print("per replica:", [float(v) for v in local])
# reduce() is the all-reduce that synchronous training applies to the
# gradients.
for op in (tf.distribute.ReduceOp.SUM, tf.distribute.ReduceOp.MEAN):
    total = strategy.reduce(op, values, axis=None)
    print(f"{op.name.lower()}:", float(total))
