import os

# format="litert" converts through TensorFlow's converter: this example
# runs Keras on TensorFlow (on PyTorch it needs the litert-torch package).
os.environ["KERAS_BACKEND"] = "tensorflow"

import tempfile

import keras
import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

# Full float32 matmuls, for an exact comparison (no TF32 on NVIDIA GPUs).
tf.config.experimental.enable_tensor_float_32_execution(False)

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(4,), name="features"),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(2),
    ]
)
x = np.random.rand(3, 4).astype("float32")

# One call converts to a LiteRT (formerly TensorFlow Lite) flatbuffer,
# for phones and embedded devices.
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.tflite")
    model.export(path, format="litert", verbose=False)
    # Run it with LiteRT's interpreter (package ai-edge-litert).
    interpreter = Interpreter(model_path=path)
print("signatures:", interpreter.get_signature_list())
run = interpreter.get_signature_runner()
out = run(features=x)["output_0"]
expected = model.predict(x, verbose=0)
np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
print("LiteRT matches Keras")
