import os

# tf.distribute strategies need Keras on TensorFlow.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
import tensorflow as tf

# Two logical CPUs stand in for two GPUs (set before the first TF op).
cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, config)

# MirroredStrategy: one replica of the model per device, gradients
# all-reduced at each step. MirroredStrategy() with no arguments takes
# every GPU.
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])
print("replicas:", strategy.num_replicas_in_sync)

keras.utils.set_random_seed(0)
with strategy.scope():  # create and compile the model inside the scope
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss="mse")

x = np.random.randn(64, 4).astype("float32")
y = x.sum(axis=1, keepdims=True)
# Each batch of 16 is split 8 + 8.
model.fit(x, y, batch_size=16, epochs=2, verbose=0)

# The kernel is a MirroredVariable: one copy on each device.
copies = model.layers[0].kernel.value.values
print("copies on:", [c.device.rsplit("/", 1)[-1] for c in copies])
equal = all(np.array_equal(copies[0], c) for c in copies)
print("weights equal on every replica:", equal)
