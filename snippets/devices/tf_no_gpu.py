import tensorflow as tf

x = tf.ones((2, 2))
has_gpu = bool(tf.config.list_physical_devices("GPU"))

# Naming a GPU that is not there is not an error: soft placement quietly falls back to the CPU.
with tf.device("/GPU:0"):
    y = x + 1
print("asked for GPU:0, ran on GPU:", "GPU" in y.device, "| machine has a GPU:", has_gpu)

# Turn soft placement off to make a missing device an error, as it is in PyTorch.
tf.config.set_soft_device_placement(False)
try:
    with tf.device("/GPU:0"):
        y = x + 1
    print("ran on", y.device)
except tf.errors.InvalidArgumentError as error:
    print("InvalidArgumentError:", error.message.split(".")[0])
