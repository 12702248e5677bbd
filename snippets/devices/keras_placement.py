import os

# The device names below are TensorFlow's: this example is about the
# TensorFlow backend, chosen before the first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
import tensorflow as tf

# Keras has no .to(device): on the TensorFlow backend the model and the
# data go to GPU:0 when TensorFlow finds one, and stay on the CPU
# otherwise. fit() and predict() copy NumPy inputs over.
expected = "GPU:0" if tf.config.list_logical_devices("GPU") else "CPU:0"
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
kernel = model.layers[0].kernel.value
print("weights on GPU:0, or the CPU:", kernel.device.endswith(expected))

# keras.device() pins work to a device, whatever the backend.
with keras.device("cpu:0"):
    cpu_model = keras.Sequential(
        [keras.Input(shape=(3,)), keras.layers.Dense(2)]
    )
    out = cpu_model(np.ones((4, 3), dtype="float32"))
kernel = cpu_model.layers[0].kernel.value
print("pinned weights on:", kernel.device.split("device:")[-1])
print("output on:", out.device.split("device:")[-1])

# predict() returns NumPy: the results are back on the host, whatever
# device ran them.
print(type(model.predict(np.ones((4, 3)), verbose=0)).__name__)
