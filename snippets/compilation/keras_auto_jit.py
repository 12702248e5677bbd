import os

# Keras' "auto" asks TensorFlow for its *physical* devices, which
# tf.config.set_visible_devices does not change. An empty
# CUDA_VISIBLE_DEVICES, set before TensorFlow loads, hides every NVIDIA
# GPU from it: this process is then a CPU-only machine.
os.environ["CUDA_VISIBLE_DEVICES"] = ""
os.environ["KERAS_BACKEND"] = "tensorflow"  # "auto" is per backend

import keras
import tensorflow as tf

found = [d.device_type for d in tf.config.list_physical_devices()]
print("TensorFlow found:", found)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")  # jit_compile="auto"
print("jit_compile='auto' ->", model.jit_compile)
model.compile(optimizer="sgd", loss="mse", jit_compile=True)
print("jit_compile=True ->", model.jit_compile)
