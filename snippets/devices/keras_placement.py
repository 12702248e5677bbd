import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)

# Keras has no .to(device): on the TensorFlow backend the model and the
# data go to GPU:0 when TensorFlow sees one, and stay on the CPU otherwise.
# fit() and predict() copy NumPy inputs over.
model = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])
print("GPUs visible:", len(tf.config.list_physical_devices("GPU")))
kernel = model.layers[0].kernel.value
print("weights on:", kernel.device.rsplit("/", 1)[-1])

# keras.device() pins work to a device, whatever the backend.
with keras.device("cpu:0"):
    cpu_model = keras.Sequential(
        [keras.Input(shape=(3,)), keras.layers.Dense(2)]
    )
    out = cpu_model(np.ones((4, 3), dtype="float32"))
kernel = cpu_model.layers[0].kernel.value
print("pinned weights on:", kernel.device.rsplit("/", 1)[-1])
print("output on:", out.device.rsplit("/", 1)[-1])

# predict() returns NumPy: the results are back on the host, whatever
# device ran them.
print(type(model.predict(np.ones((4, 3)), verbose=0)).__name__)
