import numpy as np
import torch

torch.manual_seed(0)

tensors = {
    "from a list": torch.tensor([[1, 2], [3, 4]]),  # Python ints become int64
    "zeros": torch.zeros(2, 3),  # the shape as ints (a tuple works too)
    "arange + reshape": torch.arange(6).reshape(2, 3),
    "random normal": torch.randn(2, 3),
    "full": torch.full((2,), 7.0),
    "from NumPy": torch.from_numpy(np.ones((2, 2), dtype=np.float32)),
}
for name, t in tensors.items():
    print(f"{name:17} shape={tuple(t.shape)} dtype={t.dtype}")
