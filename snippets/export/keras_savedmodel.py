import os

# A SavedModel for TensorFlow Serving: this example runs Keras on TensorFlow.
os.environ["KERAS_BACKEND"] = "tensorflow"

import tempfile

import keras
import numpy as np
import tensorflow as tf

# Full float32 matmuls, for an exact comparison (no TF32 on NVIDIA GPUs).
tf.config.experimental.enable_tensor_float_32_execution(False)
keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(2),
    ]
)
x = np.random.rand(3, 4).astype("float32")

# export() writes an inference-only SavedModel: the format of TensorFlow
# Serving and the input of the LiteRT and TensorFlow.js converters.
# (model.save() is for resuming training.)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "exported_model")
    model.export(path, verbose=False)
    # The SavedModel needs no Keras and no Python class to run: only
    # TensorFlow.
    reloaded = tf.saved_model.load(path)
print("signatures:", list(reloaded.signatures))
expected = model.predict(x, verbose=0)
np.testing.assert_allclose(reloaded.serve(x).numpy(), expected, rtol=1e-6)
print("reloaded SavedModel matches the model")
# The batch dimension was exported as None: any batch size runs.
batch_of_5 = np.random.rand(5, 4).astype("float32")
print("a batch of 5 gives", tuple(reloaded.serve(batch_of_5).shape))
