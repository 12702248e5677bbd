import tensorflow as tf

# By default TensorFlow reserves almost all GPU memory at its first GPU op.
# Memory growth makes it allocate on demand instead; set it before any op.
for gpu in tf.config.list_physical_devices("GPU"):
    tf.config.experimental.set_memory_growth(gpu, True)

x = tf.ones((2, 2))  # the first op: TensorFlow initialises its devices here
gpus = tf.config.list_physical_devices("GPU")
growing = [tf.config.experimental.get_memory_growth(gpu) for gpu in gpus]
print(f"memory growth on {sum(growing)} of {len(gpus)} GPUs")
