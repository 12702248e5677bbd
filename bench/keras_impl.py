"""Keras models (any backend) trained with `fit`, and TensorFlow's GradientTape loop in `tf.function`.

KERAS_BACKEND is set by the worker before this module is imported.
"""

import keras
import numpy as np
from keras import layers

from .common import BATCH_SIZE


def build(model: str, weights: dict[str, np.ndarray]) -> keras.Model:
    if model == "mlp":
        net = keras.Sequential([
            keras.Input((784,)),
            layers.Dense(
                weights["dense1/kernel"].shape[1], activation="relu", name="dense1"
            ),
            layers.Dense(10, name="dense2"),
        ])  # fmt: skip
    else:
        net = keras.Sequential([
            keras.Input((28, 28, 1)),
            layers.Conv2D(8, 3, activation="relu", name="conv1"),
            layers.MaxPooling2D(2),
            layers.Conv2D(16, 3, activation="relu", name="conv2"),
            layers.MaxPooling2D(2),
            layers.Flatten(),
            layers.Dense(10, name="dense"),
        ])  # fmt: skip
    for layer in net.layers:
        if layer.weights:
            layer.set_weights([weights[f"{layer.name}/kernel"], weights[f"{layer.name}/bias"]])
    return net


def loss_fn():
    return keras.losses.SparseCategoricalCrossentropy(from_logits=True)


class KerasFitRunner:
    """`model.fit` on NumPy arrays: one `fit` call per epoch, its own per-call setup included."""

    def __init__(self, impl: str, model: str, weights, device: str, lr: float):
        self.batch_size = BATCH_SIZE
        self.net = build(model, weights)
        self.net.compile(optimizer=keras.optimizers.SGD(learning_rate=lr), loss=loss_fn())

    def info(self) -> dict:
        # jit_compile="auto" (the default) is resolved by compile(): XLA on a GPU with TensorFlow, else off.
        return {
            "keras_backend": keras.backend.backend(),
            "jit_compile": bool(self.net.jit_compile),
            "steps_per_execution": self.net.steps_per_execution,
        }

    def prepare(self, x, y):
        return x, y

    def epoch(self, data) -> None:
        x, y = data
        self.net.fit(x, y, batch_size=self.batch_size, epochs=1, shuffle=False, verbose=0)

    def logits(self, x):
        return keras.ops.convert_to_numpy(self.net(x, training=False))

    def prepare_infer(self, x):
        return x

    def infer(self, x) -> None:
        self.net.predict_on_batch(x)  # returns NumPy: the result is on the host, the work done


class TFLoopRunner:
    """A custom loop: GradientTape + SGD in one `tf.function` per step, optionally XLA-compiled."""

    def __init__(self, impl: str, model: str, weights, device: str, lr: float):
        import tensorflow as tf

        self.tf, self.xla, self.batch_size = tf, impl == "tf-xla", BATCH_SIZE
        self.net = build(model, weights)
        optimizer, compute_loss, net = keras.optimizers.SGD(learning_rate=lr), loss_fn(), self.net

        @tf.function(jit_compile=self.xla)
        def train_step(x, y):
            with tf.GradientTape() as tape:
                loss = compute_loss(y, net(x, training=True))
            grads = tape.gradient(loss, net.trainable_variables)
            optimizer.apply_gradients(zip(grads, net.trainable_variables, strict=True))
            return loss

        @tf.function(jit_compile=self.xla)
        def forward(x):
            return net(x, training=False)

        self.train_step, self.forward = train_step, forward

    def info(self) -> dict:
        return {"jit_compile": self.xla}

    def prepare(self, x, y):
        tf = self.tf
        b = self.batch_size
        return [
            (tf.constant(x[i * b : (i + 1) * b]), tf.constant(y[i * b : (i + 1) * b]))
            for i in range(len(x) // b)
        ]

    def epoch(self, data) -> None:
        loss = None
        for x, y in data:
            loss = self.train_step(x, y)
        loss.numpy()  # wait for the last step

    def logits(self, x):
        return self.net(x, training=False).numpy()

    def prepare_infer(self, x):
        return self.tf.constant(x)

    def infer(self, x) -> None:
        self.forward(x).numpy()


RUNNERS = {
    "keras-fit": KerasFitRunner,
    "keras-torch": KerasFitRunner,
    "keras-jax": KerasFitRunner,
    "tf-function": TFLoopRunner,
    "tf-xla": TFLoopRunner,
}


def configure(threads: int, device: str) -> dict:
    """TensorFlow's threads and precision (on the torch backend, the worker configures torch).

    JAX's threads are set before it is imported, by the parent (XLA_FLAGS, see bench.check).
    """
    if keras.backend.backend() == "jax":
        import os

        return {"xla_flags": os.environ.get("XLA_FLAGS", "")}
    if keras.backend.backend() != "tensorflow":
        return {}
    import tensorflow as tf

    tf.config.threading.set_intra_op_parallelism_threads(threads)
    tf.config.threading.set_inter_op_parallelism_threads(threads)
    if device == "cuda":  # float32 means float32: no TF32 matmuls or convolutions
        tf.config.experimental.enable_tensor_float_32_execution(False)
    return {
        "tf_intra_op_threads": tf.config.threading.get_intra_op_parallelism_threads(),
        "tf_inter_op_threads": tf.config.threading.get_inter_op_parallelism_threads(),
    }


def cuda_peak_mib() -> float | None:
    if keras.backend.backend() == "torch":
        from . import torch_impl

        return torch_impl.cuda_peak_mib()
    if keras.backend.backend() == "jax":
        import jax

        stats = jax.devices()[0].memory_stats() or {}
        peak = stats.get("peak_bytes_in_use")
        return peak / 2**20 if peak is not None else None
    import tensorflow as tf

    if not tf.config.list_physical_devices("GPU"):
        return None
    return tf.config.experimental.get_memory_info("GPU:0")["peak"] / 2**20
