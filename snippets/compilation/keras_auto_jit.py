import keras
import tensorflow as tf

# Hide any GPU (before TensorFlow uses it): a CPU-only machine.
tf.config.set_visible_devices([], "GPU")

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")  # jit_compile="auto"
print("CPU only, jit_compile='auto' ->", model.jit_compile)
model.compile(optimizer="sgd", loss="mse", jit_compile=True)
print("CPU only, jit_compile=True ->", model.jit_compile)
