import keras
import numpy as np
import torch

x = np.random.default_rng(0).normal(size=(1, 5, 5, 1)).astype("float32")
pool_t = torch.nn.MaxPool2d(2, ceil_mode=True)
by_torch = pool_t(torch.from_numpy(x).permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
by_keras = keras.layers.MaxPooling2D(2, padding="same")(x)
gap = np.abs(by_torch.numpy() - keras.ops.convert_to_numpy(by_keras)).max()
print(f"MaxPool2d(2, ceil_mode=True) vs MaxPooling2D(2, 'same'): {gap:.1e}")
print(
    "upsampling mode  torch:", torch.nn.Upsample(scale_factor=2).mode, end=""
)
print("  keras:", keras.layers.UpSampling2D().interpolation)
print(
    "ELU alpha  torch:",
    torch.nn.ELU().alpha,
    " keras:",
    keras.layers.ELU().alpha,
)
z = np.linspace(-4, 4, 9, dtype="float32")
hard_t = torch.nn.Hardsigmoid()(torch.from_numpy(z)).numpy()
hard_k = keras.ops.convert_to_numpy(keras.activations.hard_sigmoid(z))
print(
    f"hard sigmoid  max |torch - keras|: {np.abs(hard_t - hard_k).max():.1e}"
)
