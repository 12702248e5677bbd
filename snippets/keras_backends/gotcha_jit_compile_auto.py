import os
import subprocess
import sys

# What compile()'s default resolves to, in a fresh process per backend.
# (On TensorFlow it depends on the machine: XLA when there is a GPU.)
probe = """
import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")  # jit_compile="auto", the default
print("backend:", keras.config.backend(), "| jit_compile:", model.jit_compile)
"""
for backend in ("torch", "jax"):
    env = {**os.environ, "KERAS_BACKEND": backend}
    subprocess.run([sys.executable, "-c", probe], env=env, check=True)
