import keras
import numpy as np
import torch

images = np.zeros((8, 3, 32, 32), "float32")  # PyTorch's layout: N, C, H, W
conv_t = torch.nn.Conv2d(3, 16, kernel_size=3)
print("torch Conv2d on NCHW:", tuple(conv_t(torch.from_numpy(images)).shape))
conv_k = keras.layers.Conv2D(16, kernel_size=3)
print("keras Conv2D on NCHW:", conv_k(images).shape)  # no error
print("data_format:", conv_k.data_format)
nhwc = images.transpose(0, 2, 3, 1)
print("keras Conv2D on NHWC:", keras.layers.Conv2D(16, 3)(nhwc).shape)

# Flatten keeps each framework's layout: the order of the features differs
x = np.arange(8, dtype="float32").reshape(1, 2, 2, 2)  # N, C, H, W
print("torch Flatten:", torch.nn.Flatten()(torch.from_numpy(x)).tolist())
flat_k = keras.layers.Flatten()(x.transpose(0, 2, 3, 1))
print("keras Flatten:", keras.ops.convert_to_numpy(flat_k).tolist())
