import keras
import numpy as np
import torch

try:
    torch.nn.Conv1d(1, 1, kernel_size=3, stride=2, padding="same")
except ValueError as error:
    print("torch:", error)

centre = np.array([0.0, 1.0, 0.0], "float32")  # a kernel that picks its centre
conv_t = torch.nn.Conv1d(1, 1, kernel_size=3, stride=2, padding=1, bias=False)
conv_t.weight.data = torch.from_numpy(centre).reshape(1, 1, 3)
conv_k = keras.layers.Conv1D(1, 3, strides=2, padding="same", use_bias=False)
conv_k.build((None, None, 1))
conv_k.set_weights([centre.reshape(3, 1, 1)])

for length in [6, 7]:
    x = np.arange(length, dtype="float32")
    out_t = conv_t(torch.from_numpy(x).reshape(1, 1, -1)).flatten()
    out_k = conv_k(x.reshape(1, -1, 1))
    print(
        f"length {length}: torch padding=1 picks",
        out_t.tolist(),
        " keras 'same' picks",
        keras.ops.convert_to_numpy(out_k).ravel().tolist(),
    )
x = torch.arange(6.0).reshape(1, 1, -1)
padded = torch.nn.functional.pad(x, (0, 1))  # right only, as Keras does
fixed = torch.nn.functional.conv1d(padded, conv_t.weight, stride=2)
print("torch, padded (0, 1) then padding=0:", fixed.flatten().tolist())
