import inspect

import keras
import numpy as np
import torch
import torch.nn.functional as F

image = np.random.default_rng(0).random((1, 1, 6, 6), "float32")  # NCHW
x_t, x_k = torch.from_numpy(image), image.transpose(0, 2, 3, 1)  # and NHWC


def gap(out_t, out_k):  # max |torch - keras|, back in the same layout
    out_k = keras.ops.convert_to_numpy(out_k).transpose(0, 3, 1, 2)
    return f"{np.abs(out_t.numpy() - out_k).max():.1e}"


defaults = inspect.signature(F.interpolate).parameters
resizing = keras.layers.Resizing(4, 4)
print(
    "default mode  torch interpolate:",
    defaults["mode"].default,
    " keras Resizing:",
    resizing.interpolation,
)
print(
    "antialias     torch interpolate:",
    defaults["antialias"].default,
    " keras Resizing:",
    resizing.antialias,
)
for size in [(12, 12), (4, 4), (3, 3)]:
    bilinear_k = keras.layers.Resizing(*size, interpolation="bilinear")(x_k)
    nearest_k = keras.layers.Resizing(*size, interpolation="nearest")(x_k)
    print(
        f"{size}: bilinear",
        gap(F.interpolate(x_t, size, mode="bilinear"), bilinear_k),
        " align_corners=True",
        gap(
            F.interpolate(x_t, size, mode="bilinear", align_corners=True),
            bilinear_k,
        ),
        " nearest",
        gap(F.interpolate(x_t, size), nearest_k),
        " nearest-exact",
        gap(F.interpolate(x_t, size, mode="nearest-exact"), nearest_k),
    )
upsampled_k = keras.layers.UpSampling2D(2, interpolation="bilinear")(x_k)
upsampled_t = F.interpolate(x_t, scale_factor=2, mode="bilinear")
print(
    "UpSampling2D(2, 'bilinear') vs interpolate(scale_factor=2, 'bilinear'):",
    gap(upsampled_t, upsampled_k),
)
