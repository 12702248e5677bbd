import keras
import numpy as np
import torch

x = np.ones((1, 4, 4, 1), "float32")  # all ones: any average is 1
x_t = torch.from_numpy(x).permute(0, 3, 1, 2)
pool_t = torch.nn.AvgPool2d(3, stride=1, padding=1)
print("torch count_include_pad:", pool_t.count_include_pad)
print(
    f"torch AvgPool2d(3, 1, padding=1), corner: {pool_t(x_t)[0, 0, 0, 0]:.3f}"
)
pool_k = keras.layers.AveragePooling2D(3, strides=1, padding="same")
corner = keras.ops.convert_to_numpy(pool_k(x))[0, 0, 0, 0]
print(f"keras AveragePooling2D(3, 1, 'same'), corner: {corner:.3f}")
exclude = torch.nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)
print(f"torch count_include_pad=False, corner: {exclude(x_t)[0, 0, 0, 0]:.3f}")
