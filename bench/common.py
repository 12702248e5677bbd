"""The workloads, in NumPy: every implementation starts from these weights and sees this data.

Canonical layouts are Keras's (dense kernels `(in, out)`, conv kernels `(kh, kw, in, out)`, images
NHWC); the PyTorch implementation converts them when it loads them.
"""

from dataclasses import dataclass

import numpy as np

BATCH_SIZE = 64
DTYPE = "float32"
LEARNING_RATE = 0.05
CHECK_STEPS = 5  # plain SGD steps of the correctness check
CHECK_TOLERANCE = 1e-5  # |loss - reference loss| after CHECK_STEPS steps; losses are about 2.3, and agree to ~1e-8 on CPU
REFERENCE_IMPL = "torch-eager"


@dataclass(frozen=True)
class Impl:
    key: str
    label: str
    family: str  # the worker process that runs it: "torch", "keras-tensorflow" or "keras-torch"
    how: str  # one line for the page: what is timed


IMPLS = {
    impl.key: impl
    for impl in [
        Impl(
            "torch-eager", "PyTorch eager", "torch", "nn.Module, hand-written loop, torch.optim.SGD"
        ),
        Impl(
            "torch-compile",
            "PyTorch torch.compile",
            "torch",
            "the same loop on torch.compile(model)",
        ),
        Impl(
            "keras-fit",
            "Keras fit (TensorFlow)",
            "keras-tensorflow",
            "model.fit, KERAS_BACKEND=tensorflow",
        ),
        Impl(
            "tf-function",
            "TensorFlow tf.function",
            "keras-tensorflow",
            "GradientTape loop in @tf.function",
        ),
        Impl(
            "tf-xla",
            "TensorFlow XLA",
            "keras-tensorflow",
            "the same loop, @tf.function(jit_compile=True)",
        ),
        Impl("keras-torch", "Keras fit (PyTorch)", "keras-torch", "model.fit, KERAS_BACKEND=torch"),
    ]
}

MODELS = {
    "mlp": "MLP 784-128-10 (the seed's network)",
    "cnn": "CNN: 2 conv 3x3 (8, 16 channels) + max-pool, dense 10; 28x28x1 input",
}

# CNN shapes: 28 -conv3-> 26 -pool2-> 13 -conv3-> 11 -pool2-> 5; flatten 5*5*16 = 400.
CNN_FLAT = (5, 5, 16)


def input_shape(model: str) -> tuple[int, ...]:
    return (784,) if model == "mlp" else (28, 28, 1)


def initial_weights(model: str, seed: int = 0) -> dict[str, np.ndarray]:
    """Glorot-uniform kernels and small non-zero biases (so that loading biases is checked too)."""
    rng = np.random.default_rng(seed)

    def kernel(shape, fan_in, fan_out):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, size=shape).astype(DTYPE)

    def bias(n):
        return rng.uniform(-0.05, 0.05, size=(n,)).astype(DTYPE)

    if model == "mlp":
        return {
            "dense1/kernel": kernel((784, 128), 784, 128),
            "dense1/bias": bias(128),
            "dense2/kernel": kernel((128, 10), 128, 10),
            "dense2/bias": bias(10),
        }
    if model == "cnn":
        return {
            "conv1/kernel": kernel((3, 3, 1, 8), 9 * 1, 9 * 8),
            "conv1/bias": bias(8),
            "conv2/kernel": kernel((3, 3, 8, 16), 9 * 8, 9 * 16),
            "conv2/bias": bias(16),
            "dense/kernel": kernel((400, 10), 400, 10),
            "dense/bias": bias(10),
        }
    raise ValueError(f"unknown model {model!r}")


def batches(model: str, n_batches: int, seed: int, batch_size: int = BATCH_SIZE):
    """`n_batches * batch_size` samples of inputs in [0, 1) and labels 0-9, the same for everyone."""
    rng = np.random.default_rng(seed)
    x = rng.random((n_batches * batch_size, *input_shape(model)), dtype=np.float32)
    y = rng.integers(0, 10, size=n_batches * batch_size).astype(np.int64)
    return x, y


def cross_entropy(logits: np.ndarray, labels: np.ndarray) -> float:
    """Mean softmax cross-entropy, in float64: the one loss every implementation is judged by."""
    z = logits.astype(np.float64)
    z = z - z.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-log_p[np.arange(len(labels)), labels].mean())


def summary(values) -> dict:
    """Median and spread (quartiles, min, max) of repeated measurements."""
    v = np.asarray(values, dtype=np.float64)
    q1, median, q3 = np.percentile(v, [25, 50, 75])
    return {
        "median": float(median),
        "q1": float(q1),
        "q3": float(q3),
        "min": float(v.min()),
        "max": float(v.max()),
        "n": int(v.size),
    }


@dataclass(frozen=True)
class Plan:
    """How much to measure: `full` for `make bench`, `quick` for `make bench-quick`."""

    name: str
    warmup_steps: int
    repeats: int
    steps_per_repeat: int
    latency_warmup: int
    latency_calls: int
    ttfs_runs: (
        int  # fresh processes measuring time to first step (the first one also measures the rest)
    )


PLANS = {
    "full": Plan("full", warmup_steps=50, repeats=15, steps_per_repeat=50, latency_warmup=20,
                 latency_calls=200, ttfs_runs=3),
    "quick": Plan("quick", warmup_steps=20, repeats=5, steps_per_repeat=25, latency_warmup=10,
                  latency_calls=50, ttfs_runs=1),
}  # fmt: skip


PERTURBATION = 1e-3  # scale of the noise `perturbed` adds: the check must notice it


def perturbed(weights: dict[str, np.ndarray], scale: float = PERTURBATION) -> dict[str, np.ndarray]:
    """The same weights plus a little noise: what a wrong copy (or a different init) looks like."""
    rng = np.random.default_rng(12345)
    return {k: (v + scale * rng.standard_normal(v.shape)).astype(DTYPE) for k, v in weights.items()}
