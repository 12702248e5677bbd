import os
import subprocess
import sys

# The same keras.ops code on NumPy's 64-bit arrays, in a fresh Python
# process per backend (the backend is fixed at the first `import keras`).
probe = """
import keras
import numpy as np

floats = keras.ops.convert_to_tensor(np.zeros(2))  # float64 in NumPy
ints = keras.ops.convert_to_tensor(np.arange(2))  # int64 in NumPy
print(keras.ops.dtype(floats), keras.ops.dtype(ints))
"""
runs = [
    ("tensorflow", {"KERAS_BACKEND": "tensorflow"}),
    ("torch", {"KERAS_BACKEND": "torch"}),
    ("jax", {"KERAS_BACKEND": "jax"}),
    # JAX's own switch for 64-bit types, set before JAX is imported.
    ("jax, JAX_ENABLE_X64=1", {"KERAS_BACKEND": "jax", "JAX_ENABLE_X64": "1"}),
]
for label, variables in runs:
    print(f"{label}:", end=" ", flush=True)
    env = {**os.environ, **variables}
    subprocess.run([sys.executable, "-c", probe], env=env, check=True)
