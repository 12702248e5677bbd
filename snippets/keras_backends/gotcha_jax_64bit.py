import os

# This file names its backends: TensorFlow here, the others in fresh Python
# processes (the backend is fixed at the first `import keras`).
os.environ["KERAS_BACKEND"] = "tensorflow"

import subprocess
import sys

import keras

# The same keras.ops code on NumPy's 64-bit arrays on every backend.
PROBE = """
import keras
import numpy as np

floats = keras.ops.convert_to_tensor(np.zeros(2))  # float64 in NumPy
ints = keras.ops.convert_to_tensor(np.arange(2))  # int64 in NumPy
print(keras.ops.dtype(floats), keras.ops.dtype(ints))
"""
print(f"{keras.config.backend()}:", end=" ", flush=True)
exec(PROBE)  # here, on TensorFlow
runs = [
    ("torch", {"KERAS_BACKEND": "torch"}),
    ("jax", {"KERAS_BACKEND": "jax"}),
    # JAX's own switch for 64-bit types, set before JAX is imported.
    ("jax, JAX_ENABLE_X64=1", {"KERAS_BACKEND": "jax", "JAX_ENABLE_X64": "1"}),
]
for label, variables in runs:
    print(f"{label}:", end=" ", flush=True)
    env = {**os.environ, **variables}
    subprocess.run([sys.executable, "-c", PROBE], env=env, check=True)
