import os

# Full float32 on recent NVIDIA GPUs, to compare at 1e-5 (see the first
# example). JAX reads this at its import.
os.environ["JAX_DEFAULT_MATMUL_PRECISION"] = "highest"

# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch
from torch import nn

torch.backends.cuda.matmul.fp32_precision = "ieee"
torch.backends.cudnn.fp32_precision = "ieee"
if keras.backend.backend() == "tensorflow":
    import tensorflow as tf

    tf.config.experimental.enable_tensor_float_32_execution(False)
torch.manual_seed(0)
keras.utils.set_random_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")
rng = np.random.default_rng(0)
x = rng.normal(size=(16, 8, 8, 1)).astype("float32")  # NHWC, Keras's layout
y = rng.integers(0, 3, size=16)
x_torch = torch.from_numpy(x).permute(0, 3, 1, 2).to(device)  # NCHW
y_torch = torch.from_numpy(y).to(device)


def torch_cnn():
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1),
        nn.BatchNorm2d(4),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(4 * 4 * 4, 3),
    ).to(device)


k, t = keras.layers.BatchNormalization(), nn.BatchNorm2d(4)
print(f"BatchNorm, Keras: epsilon {k.epsilon}, momentum {k.momentum}")
print(f"BatchNorm, PyTorch: eps {t.eps}, momentum {t.momentum}")
keras_cnn = keras.Sequential(
    [
        keras.Input(shape=(8, 8, 1)),
        keras.layers.Conv2D(4, 3, padding="same"),
        # PyTorch's values; its momentum 0.1 is Keras's 1 - 0.9
        keras.layers.BatchNormalization(epsilon=1e-5, momentum=0.9),
        keras.layers.ReLU(),
        keras.layers.MaxPooling2D(2),
        keras.layers.Flatten(),
        keras.layers.Dense(3),
    ]
)


def to_keras(model):
    s = {k: v.cpu().numpy() for k, v in model.state_dict().items()}
    conv = s["0.weight"].transpose(2, 3, 1, 0)  # OIHW -> HWIO
    bn = [
        s[f"1.{k}"] for k in ("weight", "bias", "running_mean", "running_var")
    ]
    # Flatten sees (C, H, W) in PyTorch, (H, W, C) in Keras: reorder rows.
    dense = s["5.weight"].reshape(3, 4, 4, 4).transpose(2, 3, 1, 0)
    return [conv, s["0.bias"], *bn, dense.reshape(64, 3), s["5.bias"]]


def to_torch(weights, model):
    conv, conv_b, *bn, dense, dense_b = weights
    dense = dense.reshape(4, 4, 4, 3).transpose(3, 2, 0, 1).reshape(3, 64)
    new = [conv.transpose(3, 2, 0, 1), conv_b, *bn, dense, dense_b]
    state = model.state_dict()  # strict loading: every key, by name
    names = [k for k in state if not k.endswith("num_batches_tracked")]
    for name, value in zip(names, new, strict=True):
        state[name] = torch.from_numpy(value)
    model.load_state_dict(state)
    return model


def max_diff(a, b):
    return max(np.abs(u - v).max() for u, v in zip(a, b, strict=True))


def outputs(model):
    with torch.no_grad():
        return model(x_torch).cpu().numpy()


# A trained PyTorch model: a few SGD steps.
model = torch_cnn()
sgd = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(5):
    sgd.zero_grad()
    nn.functional.cross_entropy(model(x_torch), y_torch).backward()
    sgd.step()
model.eval()

# PyTorch -> Keras: the same outputs (inference: running statistics).
keras_cnn.set_weights(to_keras(model))
there = max_diff([keras_cnn.predict(x, verbose=0)], [outputs(model)])
print(f"PyTorch -> Keras, outputs within 1e-5: {there < 1e-5}")

# One SGD step on each, from the same weights: the same new weights.
model.train()
sgd.zero_grad()
nn.functional.cross_entropy(model(x_torch), y_torch).backward()
sgd.step()
keras_cnn.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.1),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
keras_cnn.train_on_batch(x, y)
torch_w, keras_w = to_keras(model), keras_cnn.get_weights()
learned = [0, 1, 2, 3, 6, 7]  # kernels, biases, gamma, beta
step = max_diff([torch_w[i] for i in learned], [keras_w[i] for i in learned])
moving_mean = max_diff([torch_w[4]], [keras_w[4]])
print(f"one SGD step, new weights within 1e-5: {step < 1e-5}")
print(f"one SGD step, moving mean within 1e-5: {moving_mean < 1e-5}")
# PyTorch updates its running variance with the unbiased batch variance.
print(
    "moving variance larger in PyTorch:", bool(np.all(torch_w[5] > keras_w[5]))
)

# Keras -> PyTorch: a fresh PyTorch model, the same outputs.
back = to_torch(keras_cnn.get_weights(), torch_cnn()).eval()
back_diff = max_diff([keras_cnn.predict(x, verbose=0)], [outputs(back)])
print(f"Keras -> PyTorch, outputs within 1e-5: {back_diff < 1e-5}")
assert max(there, step, moving_mean, back_diff) < 1e-5
