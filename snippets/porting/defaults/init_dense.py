import keras
import numpy as np
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)
fan_in, fan_out = 256, 128
linear = torch.nn.Linear(fan_in, fan_out)
dense = keras.layers.Dense(fan_out)
dense.build((None, fan_in))

w_t, b_t = linear.weight.detach().numpy(), linear.bias.detach().numpy()
w_k, b_k = dense.kernel.numpy(), dense.bias.numpy()
print(
    f"torch Linear  |w| max {np.abs(w_t).max():.4f}  std {w_t.std():.4f}"
    f"  |bias| max {np.abs(b_t).max():.4f}"
)
print(
    f"keras Dense   |w| max {np.abs(w_k).max():.4f}  std {w_k.std():.4f}"
    f"  |bias| max {np.abs(b_k).max():.4f}"
)
print(
    f"1/sqrt(fan_in) = {1 / np.sqrt(fan_in):.4f}   "
    f"sqrt(6/(fan_in+fan_out)) = {np.sqrt(6 / (fan_in + fan_out)):.4f}"
)
