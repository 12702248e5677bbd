import tensorflow as tf

x = tf.ones((2, 2))

# Naming a GPU that is not there is not an error: soft placement falls
# back to the CPU.
with tf.device("/GPU:0"):
    y = x + 1
print("asked for GPU:0, ran on:", y.device.split("device:")[-1])

# Turn soft placement off to make a missing device an error, as in PyTorch.
tf.config.set_soft_device_placement(False)
try:
    if tf.config.list_physical_devices("GPU"):
        with tf.device("/GPU:0"):
            print("ran on", (x + 1).device)
    else:
        try:
            with tf.device("/GPU:0"):
                y = x + 1
        except tf.errors.InvalidArgumentError as error:
            print("InvalidArgumentError:", error.message.split(".")[0])
finally:
    tf.config.set_soft_device_placement(True)  # restore the default
