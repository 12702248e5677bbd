import os

os.environ["KERAS_BACKEND"] = "torch"  # before `import keras`

import keras
import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
keras.utils.set_random_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
# On recent NVIDIA GPUs, TF32 rounds float32 inputs: off, to compare.
print("TF32 by default, PyTorch convolutions:", end=" ")
print(torch.backends.cudnn.conv.fp32_precision)
torch.backends.cudnn.conv.fp32_precision = "ieee"
E, HEADS = 8, 2  # attention width and heads
T = np.transpose
BN = ["weight", "bias", "running_mean", "running_var"]
rng = np.random.default_rng(0)
normal = rng.normal


def attention_to_keras(s):
    """q, k and v are stacked in one in_proj; Keras splits out the heads."""
    w, b = np.split(s["in_proj_weight"], 3), np.split(s["in_proj_bias"], 3)
    qkv = [
        (w[i].T.reshape(E, HEADS, -1), b[i].reshape(HEADS, -1))
        for i in (0, 1, 2)
    ]
    out = s["out_proj.weight"].T.reshape(HEADS, -1, E)
    return [*qkv[0], *qkv[1], *qkv[2], out, s["out_proj.bias"]]


# kind: (torch layer, Keras layer, input (channels last), state_dict ->
# Keras weights, Keras weights -> state_dict)
LAYERS = {
    "Linear": (
        nn.Linear(4, 3),
        keras.layers.Dense(3),
        normal(size=(2, 4)),
        lambda s: [s["weight"].T, s["bias"]],
        lambda w: {"weight": w[0].T, "bias": w[1]},
    ),
    "Conv2d": (  # kernel (out, in, H, W) <-> (H, W, in, out)
        nn.Conv2d(3, 4, 3),
        keras.layers.Conv2D(4, 3),
        normal(size=(2, 6, 6, 3)),
        lambda s: [T(s["weight"], (2, 3, 1, 0)), s["bias"]],
        lambda w: {"weight": T(w[0], (3, 2, 0, 1)), "bias": w[1]},
    ),
    "BatchNorm": (  # Keras's epsilon is 1e-3, PyTorch's 1e-5
        nn.BatchNorm2d(3),
        keras.layers.BatchNormalization(epsilon=1e-5),
        normal(2, 3, size=(4, 5, 5, 3)),
        lambda s: [s[name] for name in BN],
        lambda w: dict(zip(BN, w, strict=True)),
    ),
    "Embedding": (
        nn.Embedding(10, 4),
        keras.layers.Embedding(10, 4),
        rng.integers(0, 10, size=(2, 5)),
        lambda s: [s["weight"]],
        lambda w: {"weight": w[0]},
    ),
    "LSTM": (  # same gate order (i, f, g, o); PyTorch has two biases
        nn.LSTM(4, 5, batch_first=True),
        keras.layers.LSTM(5, return_sequences=True),
        normal(size=(2, 3, 4)),
        lambda s: [
            s["weight_ih_l0"].T,
            s["weight_hh_l0"].T,
            s["bias_ih_l0"] + s["bias_hh_l0"],
        ],
        lambda w: {
            "weight_ih_l0": w[0].T,
            "weight_hh_l0": w[1].T,
            "bias_ih_l0": w[2],
            "bias_hh_l0": 0 * w[2],
        },
    ),
    "Attention": (
        nn.MultiheadAttention(E, HEADS, batch_first=True),
        keras.layers.MultiHeadAttention(HEADS, E // HEADS),
        normal(size=(2, 3, E)),
        attention_to_keras,
        lambda w: {
            "in_proj_weight": np.concatenate(
                [w[i].reshape(E, E).T for i in (0, 2, 4)]
            ),
            "in_proj_bias": np.concatenate([w[i].ravel() for i in (1, 3, 5)]),
            "out_proj.weight": w[6].reshape(E, E).T,
            "out_proj.bias": w[7],
        },
    ),
}


def run_torch(layer, x):
    x = torch.as_tensor(x, device=device)
    x = x.float() if x.is_floating_point() else x
    x = x.permute(0, 3, 1, 2) if x.ndim == 4 else x  # NHWC -> NCHW
    attention = isinstance(layer, nn.MultiheadAttention)
    with torch.no_grad():
        y = layer(x, x, x) if attention else layer(x)
    y = y[0] if isinstance(y, tuple) else y  # LSTM, attention: (y, extra)
    y = y.permute(0, 2, 3, 1) if y.ndim == 4 else y  # NCHW -> NHWC
    return y.cpu().numpy()


def run_keras(layer, x):
    attention = isinstance(layer, keras.layers.MultiHeadAttention)
    return keras.ops.convert_to_numpy(layer(x, x) if attention else layer(x))


for kind, (torch_layer, keras_layer, x, to_keras, to_torch) in LAYERS.items():
    torch_layer.to(device)
    if kind == "BatchNorm":  # statistics from data, as after training
        run_torch(torch_layer, x)  # in training mode: updates the statistics
        keras_layer(x, training=True)
    torch_layer.eval()  # batch norm: the running statistics
    run_keras(keras_layer, x)  # builds the Keras weights
    # PyTorch -> Keras
    state = {k: v.cpu().numpy() for k, v in torch_layer.state_dict().items()}
    keras_layer.set_weights(to_keras(state))
    there = np.abs(run_keras(keras_layer, x) - run_torch(torch_layer, x)).max()
    # Keras -> PyTorch: new Keras weights (each scaled by 0.5 to 1.5)
    weights = keras_layer.get_weights()
    keras_layer.set_weights(
        [w * rng.uniform(0.5, 1.5, w.shape) for w in weights]
    )
    fresh = {
        k: torch.as_tensor(v)
        for k, v in to_torch(keras_layer.get_weights()).items()
    }
    torch_layer.load_state_dict(fresh, strict=False)
    back = np.abs(run_keras(keras_layer, x) - run_torch(torch_layer, x)).max()
    print(f"{kind:<9} PyTorch->Keras {there:.0e}  Keras->PyTorch {back:.0e}")
    assert max(there, back) < 1e-5
