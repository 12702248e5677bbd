import os

# jit_compile=True means XLA on the TensorFlow backend only (on JAX it
# means jax.jit, which "auto" already picks; on PyTorch, torch.compile).
os.environ["KERAS_BACKEND"] = "tensorflow"  # before the first `import keras`

import keras
import numpy as np
import tensorflow as tf

# On NVIDIA GPUs from Ampere on, TensorFlow rounds float32 matmul inputs
# to TF32 by default, and XLA and eager kernels may round differently:
# turn TF32 off so that the comparison below holds at a tight tolerance.
tf.config.experimental.enable_tensor_float_32_execution(False)

keras.utils.set_random_seed(0)
x = np.random.rand(64, 16).astype("float32")
y = np.random.rand(64, 1).astype("float32")


def make_model():
    keras.utils.set_random_seed(1)  # the same initial weights for both
    return keras.Sequential(
        [
            keras.Input(shape=(16,)),
            keras.layers.Dense(32, "relu"),
            keras.layers.Dense(1),
        ]
    )


# Keras runs its train/predict steps as a tf.function, plus XLA with
# jit_compile=True; run_eagerly=True turns both off.
xla = make_model()
xla.compile(optimizer="sgd", loss="mse", jit_compile=True)
eager = make_model()
eager.compile(optimizer="sgd", loss="mse", run_eagerly=True)

for model in (xla, eager):
    model.fit(x, y, epochs=2, batch_size=32, verbose=0)

xla_out, eager_out = xla.predict(x, verbose=0), eager.predict(x, verbose=0)
np.testing.assert_allclose(xla_out, eager_out, rtol=1e-4, atol=1e-5)
print("XLA-compiled and eager training give the same model")
