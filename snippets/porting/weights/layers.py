import os

# TF32 rounds float32 matmul inputs to 10 bits on recent NVIDIA GPUs: full
# float32 everywhere, to compare at 1e-5. JAX reads this at its import.
os.environ["JAX_DEFAULT_MATMUL_PRECISION"] = "highest"

import keras
import numpy as np
import torch
from torch import nn

cudnn = torch.backends.cudnn
print(f"PyTorch cuDNN default: conv {cudnn.conv.fp32_precision}", end=", ")
print(f"rnn {cudnn.rnn.fp32_precision}")  # its LSTM and GRU too
torch.backends.cuda.matmul.fp32_precision = "ieee"
cudnn.fp32_precision = "ieee"  # convolutions and RNNs
if keras.backend.backend() == "tensorflow":
    import tensorflow as tf

    tf.config.experimental.enable_tensor_float_32_execution(False)
torch.manual_seed(0)
keras.utils.set_random_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")
E, HEADS = 8, 2  # attention width and heads
T = np.transpose
BN = ["weight", "bias", "running_mean", "running_var"]
rng = np.random.default_rng(0)
normal = rng.normal


def attention_to_keras(s):
    """PyTorch stacks q, k and v; Keras splits out the heads."""
    if "in_proj_weight" in s:
        w = np.split(s["in_proj_weight"], 3)
    else:  # kdim, vdim != embed_dim: three matrices, (E, E), (E, kdim)...
        w = [s[f"{p}_proj_weight"] for p in "qkv"]
    b = np.split(s["in_proj_bias"], 3)  # stacked either way
    qkv = [
        (w[i].T.reshape(-1, HEADS, E // HEADS), b[i].reshape(HEADS, -1))
        for i in (0, 1, 2)
    ]
    out = s["out_proj.weight"].T.reshape(HEADS, -1, E)
    return [*qkv[0], *qkv[1], *qkv[2], out, s["out_proj.bias"]]


def attention_to_torch(w, stacked=True):
    q, k, v = (w[i].reshape(len(w[i]), E).T for i in (0, 2, 4))
    if stacked:
        proj = {"in_proj_weight": np.concatenate([q, k, v])}
    else:
        proj = {"q_proj_weight": q, "k_proj_weight": k, "v_proj_weight": v}
    return proj | {
        "in_proj_bias": np.concatenate([w[i].ravel() for i in (1, 3, 5)]),
        "out_proj.weight": w[6].reshape(E, E).T,
        "out_proj.bias": w[7],
    }


def zr(w):
    """Swaps the first two gate blocks: r, z, n <-> z, r, n."""
    r, z, n = np.split(w, 3)
    return np.concatenate([z, r, n])


LSTM_KEYS = ["l0", "l0_reverse", "l1", "l1_reverse"]


def bidirectional_lstm(units):
    lstm = keras.layers.LSTM(units, return_sequences=True)
    return keras.layers.Bidirectional(lstm)  # concatenates fwd, bwd


def lstm_to_keras(s, key):
    b = s[f"bias_ih_{key}"] + s[f"bias_hh_{key}"]
    return [s[f"weight_ih_{key}"].T, s[f"weight_hh_{key}"].T, b]


def lstm_to_torch(w, key):
    return [
        (f"weight_ih_{key}", w[0].T),
        (f"weight_hh_{key}", w[1].T),
        (f"bias_ih_{key}", w[2]),
        (f"bias_hh_{key}", 0 * w[2]),
    ]


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
    "Conv3d": (  # kernel (out, in, D, H, W) <-> (D, H, W, in, out)
        nn.Conv3d(2, 3, 2),
        keras.layers.Conv3D(3, 2),
        normal(size=(2, 3, 4, 4, 2)),
        lambda s: [T(s["weight"], (2, 3, 4, 1, 0)), s["bias"]],
        lambda w: {"weight": T(w[0], (4, 3, 0, 1, 2)), "bias": w[1]},
    ),
    "Grouped conv": (  # (out, in/groups, H, W): the Conv2d permutation
        nn.Conv2d(4, 6, 3, groups=2),
        keras.layers.Conv2D(6, 3, groups=2),
        normal(size=(2, 6, 6, 4)),
        lambda s: [T(s["weight"], (2, 3, 1, 0)), s["bias"]],
        lambda w: {"weight": T(w[0], (3, 2, 0, 1)), "bias": w[1]},
    ),
    "Conv1d": (  # kernel (out, in, L) <-> (L, in, out)
        nn.Conv1d(3, 4, 3),
        keras.layers.Conv1D(4, 3),
        normal(size=(2, 6, 3)),
        lambda s: [T(s["weight"], (2, 1, 0)), s["bias"]],
        lambda w: {"weight": T(w[0], (2, 1, 0)), "bias": w[1]},
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
        lambda s: lstm_to_keras(s, "l0"),
        lambda w: dict(lstm_to_torch(w, "l0")),
    ),
    "Attention": (
        nn.MultiheadAttention(E, HEADS, batch_first=True),
        keras.layers.MultiHeadAttention(HEADS, E // HEADS),
        [normal(size=(2, 3, E))] * 3,  # query, key, value
        attention_to_keras,
        attention_to_torch,
    ),
    "Attention kdim": (  # key and value inputs of other widths (5, 6)
        nn.MultiheadAttention(E, HEADS, kdim=5, vdim=6, batch_first=True),
        keras.layers.MultiHeadAttention(
            HEADS, key_dim=E // HEADS, value_dim=E // HEADS
        ),
        [
            normal(size=(2, 3, E)),
            normal(size=(2, 4, 5)),
            normal(size=(2, 4, 6)),
        ],
        attention_to_keras,
        lambda w: attention_to_torch(w, stacked=False),
    ),
    "GRU": (  # gates r, z, n in PyTorch; z, r, h in Keras: swap blocks 0, 1
        nn.GRU(4, 5, batch_first=True),
        keras.layers.GRU(5, return_sequences=True),  # reset_after=True
        normal(size=(2, 3, 4)),
        lambda s: [
            zr(s["weight_ih_l0"]).T,
            zr(s["weight_hh_l0"]).T,
            np.stack([zr(s["bias_ih_l0"]), zr(s["bias_hh_l0"])]),
        ],
        lambda w: {
            "weight_ih_l0": zr(w[0].T),
            "weight_hh_l0": zr(w[1].T),
            "bias_ih_l0": zr(w[2][0]),
            "bias_hh_l0": zr(w[2][1]),
        },
    ),
    "LSTM 2x bidi": (  # layer k: _l{k}, then _l{k}_reverse
        nn.LSTM(4, 5, num_layers=2, bidirectional=True, batch_first=True),
        keras.Sequential(
            [bidirectional_lstm(5), bidirectional_lstm(5)]
        ),  # weights: layer 1 forward, backward, layer 2 forward, backward
        normal(size=(2, 3, 4)),
        lambda s: [w for key in LSTM_KEYS for w in lstm_to_keras(s, key)],
        lambda w: {
            name: value
            for i, key in enumerate(LSTM_KEYS)
            for name, value in lstm_to_torch(w[3 * i : 3 * i + 3], key)
        },
    ),
    "ConvTranspose2d": (  # (in, out, H, W) <-> (H, W, out, in)
        nn.ConvTranspose2d(3, 4, 3, stride=2),
        keras.layers.Conv2DTranspose(4, 3, strides=2),
        normal(size=(2, 5, 5, 3)),
        lambda s: [T(s["weight"], (2, 3, 1, 0)), s["bias"]],
        lambda w: {"weight": T(w[0], (3, 2, 0, 1)), "bias": w[1]},
    ),
    "Depthwise": (  # (C*M, 1, H, W) <-> (H, W, C, M): reshape, not permute
        nn.Conv2d(3, 6, 3, groups=3),
        keras.layers.DepthwiseConv2D(3, depth_multiplier=2),
        normal(size=(2, 6, 6, 3)),
        lambda s: [
            s["weight"].reshape(3, 2, 3, 3).transpose(2, 3, 0, 1),
            s["bias"],
        ],
        lambda w: {
            "weight": w[0].transpose(2, 3, 0, 1).reshape(6, 1, 3, 3),
            "bias": w[1],
        },
    ),
    "Separable": (  # depthwise (no bias), then a 1x1 conv with the bias
        nn.Sequential(
            nn.Conv2d(3, 3, 3, groups=3, bias=False), nn.Conv2d(3, 4, 1)
        ),
        keras.layers.SeparableConv2D(4, 3),
        normal(size=(2, 6, 6, 3)),
        lambda s: [
            T(s["0.weight"], (2, 3, 0, 1)),
            T(s["1.weight"], (2, 3, 1, 0)),
            s["1.bias"],
        ],
        lambda w: {
            "0.weight": T(w[0], (2, 3, 0, 1)),
            "1.weight": T(w[1], (3, 2, 0, 1)),
            "1.bias": w[2],
        },
    ),
    "LayerNorm": (  # Keras's epsilon is 1e-3, PyTorch's 1e-5
        nn.LayerNorm(4),
        keras.layers.LayerNormalization(epsilon=1e-5),
        normal(2, 3, size=(2, 3, 4)),
        lambda s: [s["weight"], s["bias"]],
        lambda w: {"weight": w[0], "bias": w[1]},
    ),
    "RMSNorm": (  # PyTorch's eps=None is float32's machine epsilon
        nn.RMSNorm(4),
        keras.layers.RMSNormalization(epsilon=float(np.finfo("float32").eps)),
        normal(size=(2, 3, 4)),
        lambda s: [s["weight"]],
        lambda w: {"weight": w[0]},
    ),
    "GroupNorm": (  # the same groups of neighbouring channels
        nn.GroupNorm(2, 4),
        keras.layers.GroupNormalization(2, epsilon=1e-5),
        normal(2, 3, size=(2, 5, 5, 4)),
        lambda s: [s["weight"], s["bias"]],
        lambda w: {"weight": w[0], "bias": w[1]},
    ),
    "PReLU": (  # one slope; Keras: one per element unless shared
        nn.PReLU(),
        keras.layers.PReLU(shared_axes=[1, 2, 3]),  # alpha (1, 1, 1)
        normal(size=(2, 4, 4, 3)),
        lambda s: [s["weight"].reshape(1, 1, -1)],
        lambda w: {"weight": w[0].reshape(-1)},
    ),
    "PReLU channels": (  # one slope per channel: alpha (1, 1, C)
        nn.PReLU(num_parameters=3),
        keras.layers.PReLU(shared_axes=[1, 2]),
        normal(size=(2, 4, 4, 3)),
        lambda s: [s["weight"].reshape(1, 1, -1)],
        lambda w: {"weight": w[0].reshape(-1)},
    ),
}


def run_torch(layer, x):
    if isinstance(layer, nn.MultiheadAttention):  # x: query, key, value
        q, k, v = (torch.as_tensor(a, device=device).float() for a in x)
        with torch.no_grad():
            return layer(q, k, v)[0].cpu().numpy()  # (y, attention)
    x = torch.as_tensor(x, device=device)
    x = x.float() if x.is_floating_point() else x
    channels = x.ndim > 3 or isinstance(layer, nn.Conv1d)
    x = x.movedim(-1, 1) if channels else x  # channels last -> first
    with torch.no_grad():
        y = layer(x)
    y = y[0] if isinstance(y, tuple) else y  # LSTM, GRU: (y, state)
    return (y.movedim(1, -1) if channels else y).cpu().numpy()


def run_keras(layer, x):
    if isinstance(layer, keras.layers.MultiHeadAttention):
        x = layer(x[0], x[2], key=x[1])  # Keras: query, value, key
    else:
        x = layer(x)
    return keras.ops.convert_to_numpy(x)


def max_diff(torch_layer, keras_layer, x):
    return np.abs(run_keras(keras_layer, x) - run_torch(torch_layer, x)).max()


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
    there = max_diff(torch_layer, keras_layer, x)
    # Keras -> PyTorch: new Keras weights (each scaled by 0.5 to 1.5)
    weights = keras_layer.get_weights()
    keras_layer.set_weights(
        [w * rng.uniform(0.5, 1.5, w.shape) for w in weights]
    )
    new = to_torch(keras_layer.get_weights())
    state = torch_layer.state_dict()
    # Every tensor gets a Keras value, but num_batches_tracked (no Keras
    # counterpart, kept); strict loading refuses a misnamed key.
    assert {k for k in state if k not in new} <= {"num_batches_tracked"}
    state.update({k: torch.as_tensor(v) for k, v in new.items()})
    torch_layer.load_state_dict(state)
    back = max_diff(torch_layer, keras_layer, x)
    assert max(there, back) < 1e-5, (kind, there, back)
    print(f"{kind:<15} PyTorch->Keras < 1e-5  Keras->PyTorch < 1e-5")
