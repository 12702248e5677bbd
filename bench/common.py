"""The workloads, in NumPy: every implementation starts from these weights and sees this data.

Canonical layouts are Keras's (dense kernels `(in, out)`, conv kernels `(kh, kw, in, out)`, images
NHWC); the PyTorch implementation converts them when it loads them.
"""

import importlib.util
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
    family: str  # the worker process: "torch", "keras-tensorflow", "keras-torch" or "keras-jax"
    how: str  # one line for the page: what is timed
    needs: tuple[str, ...] = ()  # the packages it imports: run only where they are installed

    @property
    def compiled(self) -> str | None:
        """The implementation this one compiles (its eager counterpart), if it is a compiled one."""
        return COMPILED.get(self.key)


IMPLS = {
    impl.key: impl
    for impl in [
        Impl(
            "torch-eager",
            "PyTorch eager",
            "torch",
            "nn.Module, hand-written loop, torch.optim.SGD",
            ("torch",),
        ),
        Impl(
            "torch-compile",
            "PyTorch torch.compile",
            "torch",
            "the same loop on torch.compile(model, dynamic=False)",
            ("torch",),
        ),
        Impl(
            "keras-fit",
            "Keras fit (TensorFlow)",
            "keras-tensorflow",
            "model.fit, KERAS_BACKEND=tensorflow",
            ("keras", "tensorflow"),
        ),
        Impl(
            "tf-function",
            "TensorFlow tf.function",
            "keras-tensorflow",
            "GradientTape loop in @tf.function",
            ("keras", "tensorflow"),
        ),
        Impl(
            "tf-xla",
            "TensorFlow XLA",
            "keras-tensorflow",
            "the same loop, @tf.function(jit_compile=True)",
            ("keras", "tensorflow"),
        ),
        Impl(
            "keras-torch",
            "Keras fit (PyTorch)",
            "keras-torch",
            "model.fit, KERAS_BACKEND=torch",
            ("keras", "torch"),
        ),
        Impl(
            "keras-jax",
            "Keras fit (JAX)",
            "keras-jax",
            "model.fit, KERAS_BACKEND=jax (its train step jit-compiled by XLA)",
            ("keras", "jax"),
        ),
    ]
}


def available(impls=None) -> list[str]:
    """The implementations whose packages are installed here (found without importing them)."""
    return [
        key
        for key in (impls or IMPLS)
        if all(importlib.util.find_spec(package) for package in IMPLS[key].needs)
    ]


COMPILED = {"torch-compile": "torch-eager", "tf-xla": "tf-function"}  # compiled -> its eager twin

MODELS = {
    "mlp": "MLP 784-128-10, ReLU",
    "cnn": "CNN: 2 x (conv 3x3, ReLU, max-pool 2x2), 8 then 16 channels; dense 10; 28x28x1 input",
}


def mlp_step_flops(hidden: int, batch: int) -> int:
    """Floating-point operations of the matrix products in one training step of the MLP
    784-`hidden`-10: forward (x W1, h W2), backward for both weights (x^T dZ1, h^T dZ2) and for the
    hidden activations (dZ2 W2^T); the input needs no gradient. 2 operations per multiply-add.
    Biases, ReLU, the loss and the SGD update add less than 1% and are not counted."""
    forward = 2 * batch * (784 * hidden + hidden * 10)
    return 2 * forward + 2 * batch * hidden * 10


# CNN shapes: 28 -conv3-> 26 -pool2-> 13 -conv3-> 11 -pool2-> 5; flatten 5*5*16 = 400.
CNN_FLAT = (5, 5, 16)


def input_shape(model: str) -> tuple[int, ...]:
    return (784,) if model == "mlp" else (28, 28, 1)


def initial_weights(model: str, seed: int = 0, hidden: int = 128) -> dict[str, np.ndarray]:
    """Glorot-uniform kernels and small non-zero biases (so that loading biases is checked too).

    `hidden`: the MLP's width (the sweep varies it); the implementations read it from the weights.
    """
    rng = np.random.default_rng(seed)

    def kernel(shape, fan_in, fan_out):
        limit = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-limit, limit, size=shape).astype(DTYPE)

    def bias(n):
        return rng.uniform(-0.05, 0.05, size=(n,)).astype(DTYPE)

    if model == "mlp":
        return {
            "dense1/kernel": kernel((784, hidden), 784, hidden),
            "dense1/bias": bias(hidden),
            "dense2/kernel": kernel((hidden, 10), hidden, 10),
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
    ttfs_runs: int  # fresh processes timing the first step (the first one also measures the rest)
    sweep_widths: tuple[int, ...]  # MLP hidden widths, at batch BATCH_SIZE
    sweep_batches: tuple[int, ...]  # batch sizes, at width SWEEP_BATCH_WIDTH
    sweep_repeats: int
    sweep_budget_s: float  # timed seconds per implementation and point (all repeats)
    sweep_skip: tuple[str, ...] = ()  # implementations left out of the sweep
    sweep_min_steps: int = 50  # steps per repeat at least: a fit() call's setup amortised as above


SWEEP_BATCH_WIDTH = 128
PLANS = {
    "full": Plan("full", warmup_steps=50, repeats=15, steps_per_repeat=50, latency_warmup=20,
                 latency_calls=200, ttfs_runs=3,
                 sweep_widths=(128, 256, 512, 1024, 2048, 4096),
                 sweep_batches=(1, 4, 16, 64, 256, 1024), sweep_repeats=5, sweep_budget_s=0.5),
    "quick": Plan("quick", warmup_steps=20, repeats=5, steps_per_repeat=25, latency_warmup=10,
                  latency_calls=50, ttfs_runs=1,
                  sweep_widths=(128, 1024), sweep_batches=(1, 64, 1024),
                  sweep_repeats=3, sweep_budget_s=0.15, sweep_skip=("torch-compile",),
                  sweep_min_steps=25),
}  # fmt: skip


def sweep_points(plan: "Plan") -> list[tuple[int, int]]:
    """(hidden width, batch size) of every sweep point, each once."""
    points = [(w, BATCH_SIZE) for w in plan.sweep_widths]
    points += [(SWEEP_BATCH_WIDTH, b) for b in plan.sweep_batches]
    return list(dict.fromkeys(points))


PERTURBATION = 1e-3  # scale of the noise `perturbed` adds: the check must notice it


def perturbed(weights: dict[str, np.ndarray], scale: float = PERTURBATION) -> dict[str, np.ndarray]:
    """The same weights plus a little noise: what a wrong copy (or a different init) looks like."""
    rng = np.random.default_rng(12345)
    return {k: (v + scale * rng.standard_normal(v.shape)).astype(DTYPE) for k, v in weights.items()}
