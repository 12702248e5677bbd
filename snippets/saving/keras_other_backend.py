import os

# This file names its backends: it saves on TensorFlow, loads on PyTorch.
os.environ["KERAS_BACKEND"] = "tensorflow"

import subprocess
import sys
import tempfile

import keras
import numpy as np
import tensorflow as tf

# Full float32 matmuls, for an exact comparison (no TF32 on NVIDIA GPUs).
tf.config.experimental.enable_tensor_float_32_execution(False)
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
x = np.random.rand(3, 4).astype("float32")

# Load the file in a fresh Python process running Keras on PyTorch.
LOAD = """
import sys, keras, numpy as np
model = keras.models.load_model(sys.argv[1])
x = np.load(sys.argv[2])
print("loaded on:", keras.config.backend())
np.save(sys.argv[3], keras.ops.convert_to_numpy(model(x)))
"""
with tempfile.TemporaryDirectory() as folder:
    model_path = os.path.join(folder, "model.keras")
    x_path, y_path = (os.path.join(folder, n) for n in ("x.npy", "y.npy"))
    model.save(model_path)
    np.save(x_path, x)
    print("saved on:", keras.config.backend())
    child = subprocess.run(
        [sys.executable, "-c", LOAD, model_path, x_path, y_path],
        env={**os.environ, "KERAS_BACKEND": "torch"},
        capture_output=True,
        text=True,
        check=True,
    )
    print(child.stdout.strip())
    same = np.allclose(model(x), np.load(y_path), atol=1e-6)
    print("same outputs:", same)
