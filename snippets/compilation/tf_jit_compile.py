import numpy as np
import tensorflow as tf

# On NVIDIA GPUs from Ampere on, TensorFlow rounds float32 matmul inputs
# to TF32 by default, and XLA and eager kernels may round differently:
# turn TF32 off so that the comparison below holds at a tight tolerance.
tf.config.experimental.enable_tensor_float_32_execution(False)


def mlp(x, w1, w2):
    return tf.matmul(tf.nn.gelu(tf.matmul(x, w1)), w2)


# jit_compile=True compiles the whole function with XLA, which fuses ops
# into fewer kernels. It works on the CPU as on the GPU; every op inside
# must be one XLA supports.
mlp_xla = tf.function(mlp, jit_compile=True)

x = tf.random.stateless_normal((8, 16), seed=(0, 0))
w1 = tf.random.stateless_normal((16, 32), seed=(1, 0))
w2 = tf.random.stateless_normal((32, 4), seed=(2, 0))

eager = mlp(x, w1, w2)
compiled = mlp_xla(x, w1, w2)
np.testing.assert_allclose(
    compiled.numpy(), eager.numpy(), rtol=1e-5, atol=1e-5
)
print("XLA and eager match:", compiled.shape)

# XLA needs static shapes: a new shape compiles again.
mlp_xla(x[:4], w1, w2)
print("graphs traced:", mlp_xla.experimental_get_tracing_count())
