import keras
import numpy as np
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)
conv_t = torch.nn.Conv2d(64, 128, kernel_size=3)
conv_k = keras.layers.Conv2D(128, kernel_size=3)
conv_k.build((None, 32, 32, 64))

fan_in, fan_out = 64 * 3 * 3, 128 * 3 * 3
w_t, b_t = conv_t.weight.detach().numpy(), conv_t.bias.detach().numpy()
w_k, b_k = conv_k.kernel.numpy(), conv_k.bias.numpy()
print(
    f"torch Conv2d  |w| max {np.abs(w_t).max():.4f}  std {w_t.std():.4f}"
    f"  |bias| max {np.abs(b_t).max():.4f}"
)
print(
    f"keras Conv2D  |w| max {np.abs(w_k).max():.4f}  std {w_k.std():.4f}"
    f"  |bias| max {np.abs(b_k).max():.4f}"
)
print(
    f"1/sqrt(fan_in) = {1 / np.sqrt(fan_in):.4f}   "
    f"sqrt(6/(fan_in+fan_out)) = {np.sqrt(6 / (fan_in + fan_out)):.4f}"
)
