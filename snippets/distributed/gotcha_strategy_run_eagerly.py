import logging

import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, config)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])

records = []  # catch what TensorFlow logs, instead of printing it
handler = logging.Handler()
handler.emit = records.append
logger = tf.get_logger()
saved = logger.handlers, logger.propagate
logger.handlers, logger.propagate = [handler], False
try:
    strategy.run(lambda: tf.constant(1.0))  # eagerly, outside a tf.function
finally:
    logger.handlers, logger.propagate = saved
print(records[0].levelname, "|", records[0].getMessage().split(".")[0])
