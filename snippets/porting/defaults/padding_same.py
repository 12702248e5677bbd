import keras
import numpy as np
import torch

try:
    torch.nn.Conv1d(1, 1, kernel_size=3, stride=2, padding="same")
except ValueError as error:
    print("torch:", error)


def picks(kernel, length):
    """Stride 2, a kernel that picks its element 1: which inputs each sees."""
    weight = np.eye(kernel, dtype="float32")[1]
    conv_t = torch.nn.Conv1d(1, 1, kernel, stride=2, padding=1, bias=False)
    with torch.no_grad():
        conv_t.weight.copy_(torch.from_numpy(weight).reshape(1, 1, -1))
    conv_k = keras.layers.Conv1D(1, kernel, 2, padding="same", use_bias=False)
    conv_k.build((None, None, 1))
    conv_k.set_weights([weight.reshape(-1, 1, 1)])
    x = np.arange(length, dtype="float32")
    out_t = conv_t(torch.from_numpy(x).reshape(1, 1, -1)).flatten()
    out_k = keras.ops.convert_to_numpy(conv_k(x.reshape(1, -1, 1))).ravel()
    print(
        f"kernel {kernel}, length {length}: torch padding=1 picks",
        out_t.tolist(),
        " keras 'same' picks",
        out_k.tolist(),
    )


for kernel, length in [(3, 6), (3, 7), (4, 7), (4, 8)]:
    picks(kernel, length)
x = torch.arange(6.0).reshape(1, 1, -1)
padded = torch.nn.functional.pad(x, (0, 1))  # right only, as Keras does
centre = torch.tensor([[[0.0, 1.0, 0.0]]])
fixed = torch.nn.functional.conv1d(padded, centre, stride=2)
print(
    "kernel 3, length 6, torch padded (0, 1), padding=0:",
    fixed.flatten().tolist(),
)
