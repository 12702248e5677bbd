import keras
import numpy as np
import torch

x = np.zeros((2, 3, 8, 8), "float32")  # NCHW: 3 channels of 8 x 8
bn_t = torch.nn.BatchNorm2d(3)
bn_t(torch.from_numpy(x))
print(
    "torch BatchNorm2d(3) on NCHW: statistics per",
    tuple(bn_t.running_mean.shape),
)
bn_k = keras.layers.BatchNormalization()  # axis=-1
bn_k(x)
print("keras BatchNormalization() on NCHW: axis", bn_k.axis, end=", ")
print("statistics per", bn_k.moving_mean.shape, "(the width)")
bn_k = keras.layers.BatchNormalization(axis=1)
bn_k(x)
print("keras axis=1 on NCHW: statistics per", bn_k.moving_mean.shape)
