import keras
import numpy as np
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)


def largest(*tensors):  # torch parameters or Keras variables
    arrays = [
        t.detach().numpy()
        if torch.is_tensor(t)
        else keras.ops.convert_to_numpy(t)
        for t in tensors
    ]
    return max(float(np.abs(a).max()) for a in arrays)


lstm_t = torch.nn.LSTM(16, 64)  # every tensor U(±1/sqrt(hidden))
print(f"torch LSTM      |w| max {largest(*lstm_t.parameters()):.3f}", end="")
print(f"  1/sqrt(64) = {1 / 64**0.5:.3f}")
lstm_k = keras.layers.LSTM(64)
lstm_k.build((None, None, 16))
r = keras.ops.convert_to_numpy(lstm_k.weights[1])  # recurrent (64, 256)
print(
    f"keras LSTM      kernel |w| max {largest(lstm_k.weights[0]):.3f}", end=""
)
print("  recurrent orthogonal:", np.allclose(r @ r.T, np.eye(64), atol=1e-5))

mha_t = torch.nn.MultiheadAttention(512, 8)
print(
    f"torch MHA       q, k, v |w| max {largest(mha_t.in_proj_weight):.4f}",
    end="",
)
print(f"  output {largest(mha_t.out_proj.weight):.4f}")
mha_k = keras.layers.MultiHeadAttention(8, 64)
x = np.zeros((1, 1, 512), "float32")
mha_k(x, x)
query, output = mha_k.weights[0], mha_k.weights[6]  # kernels
print(f"keras MHA       q, k, v |w| max {largest(query):.4f}", end="")
print(f"  output {largest(output):.4f}")

depthwise_t = torch.nn.Conv2d(64, 64, 3, groups=64)  # fan_in = 1 * 3 * 3
print(f"torch depthwise |w| max {largest(depthwise_t.weight):.3f}")
depthwise_k = keras.layers.DepthwiseConv2D(3)
depthwise_k.build((None, 8, 8, 64))
print(f"keras depthwise |w| max {largest(depthwise_k.weights[0]):.3f}")
