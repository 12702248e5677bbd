"""PyTorch: eager and torch.compile, a hand-written loop with torch.optim.SGD (no momentum)."""

import numpy as np
import torch
from torch import nn

from .common import BATCH_SIZE, CNN_FLAT


def build(model: str, hidden: int = 128) -> nn.Module:
    if model == "mlp":
        return nn.Sequential(nn.Linear(784, hidden), nn.ReLU(), nn.Linear(hidden, 10))
    return nn.Sequential(
        nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(400, 10),
    )  # fmt: skip


def torch_layout(model: str, weights: dict[str, np.ndarray]) -> list[np.ndarray]:
    """The canonical (Keras-layout) weights, in the order and layout of `build(model).parameters()`."""
    if model == "mlp":
        names = ["dense1", "dense2"]
        return [a for n in names for a in (weights[f"{n}/kernel"].T, weights[f"{n}/bias"])]
    h, w, c = CNN_FLAT
    # Keras flattens NHWC (h, w, c); PyTorch flattens NCHW (c, h, w): reorder the dense kernel's rows.
    dense = (
        weights["dense/kernel"].reshape(h, w, c, 10).transpose(2, 0, 1, 3).reshape(h * w * c, 10)
    )
    return [
        weights["conv1/kernel"].transpose(3, 2, 0, 1), weights["conv1/bias"],
        weights["conv2/kernel"].transpose(3, 2, 0, 1), weights["conv2/bias"],
        dense.T, weights["dense/bias"],
    ]  # fmt: skip


class TorchRunner:
    def __init__(self, impl: str, model: str, weights, device: str, lr: float):
        self.model, self.device, self.batch_size = model, device, BATCH_SIZE
        hidden = weights["dense1/kernel"].shape[1] if model == "mlp" else 128
        self.net = build(model, hidden).to(device)
        with torch.no_grad():
            for param, array in zip(
                self.net.parameters(), torch_layout(model, weights), strict=True
            ):
                param.copy_(torch.from_numpy(np.ascontiguousarray(array)))
        self.loss_fn = nn.CrossEntropyLoss()
        self.opt = torch.optim.SGD(self.net.parameters(), lr=lr)
        # dynamic=False: one static graph per input shape (train 64, inference 1 and 64), as warm-up builds.
        self.forward = (
            torch.compile(self.net, dynamic=False) if impl == "torch-compile" else self.net
        )

    def info(self) -> dict:
        return {"torch.compile": self.forward is not self.net}

    def _x(self, x: np.ndarray) -> torch.Tensor:
        if self.model == "cnn":
            x = x.transpose(0, 3, 1, 2)  # NHWC -> NCHW
        return torch.from_numpy(np.ascontiguousarray(x)).to(self.device)

    def prepare(self, x: np.ndarray, y: np.ndarray):
        xs, ys = self._x(x), torch.from_numpy(y).to(self.device)
        return list(zip(xs.split(self.batch_size), ys.split(self.batch_size), strict=True))

    def epoch(self, data) -> None:
        """One SGD step per batch of `data`; returns when the work is done (synchronized)."""
        for x, y in data:
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss_fn(self.forward(x), y)
            loss.backward()
            self.opt.step()
        self.sync()

    def logits(self, x: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return self.net(self._x(x)).cpu().numpy()

    def prepare_infer(self, x: np.ndarray):
        return self._x(x)

    def infer(self, x) -> None:
        with torch.no_grad():
            self.forward(x)
        self.sync()

    def sync(self) -> None:
        if self.device == "cuda":
            torch.cuda.synchronize()


def configure(threads: int, device: str) -> dict:
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(threads)
    if device == "cuda":  # float32 means float32: no TF32 matmuls or convolutions
        torch.backends.cuda.matmul.fp32_precision = "ieee"
        torch.backends.cudnn.fp32_precision = "ieee"
    return {
        "torch_num_threads": torch.get_num_threads(),
        "torch_num_interop_threads": torch.get_num_interop_threads(),
    }


def cuda_peak_mib() -> float | None:
    return torch.cuda.max_memory_allocated() / 2**20 if torch.cuda.is_available() else None
