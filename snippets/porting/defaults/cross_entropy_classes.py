import inspect

import keras
import numpy as np
import torch

rng = np.random.default_rng(0)
logits = rng.normal(size=(2, 3, 4)).astype("float32")  # (batch, time, C)
labels = np.array([[0, 3, 1], [2, 2, -100]])  # -100: ignored by torch
ce_t, ce_k = torch.nn.functional.cross_entropy, keras.losses
try:
    ce_t(torch.from_numpy(logits), torch.from_numpy(labels))
except RuntimeError as error:
    print("torch on (batch, time, C):", error)
by_t = ce_t(
    torch.from_numpy(logits).permute(0, 2, 1), torch.from_numpy(labels)
)
sparse = ce_k.SparseCategoricalCrossentropy(
    from_logits=True, ignore_class=-100
)
print(f"classes on axis 1, ignore_index=-100: torch {by_t.item():.4f}")
by_k = float(sparse(labels, logits))
print(f"classes last, ignore_class=-100:      keras {by_k:.4f}")

weight = np.array([1.0, 2.0, 3.0, 4.0], "float32")  # per class
x, y = logits[0], labels[0]  # 3 samples, classes 0, 3, 1: weights 1, 4, 2
by_t = ce_t(torch.from_numpy(x), torch.from_numpy(y), torch.from_numpy(weight))
print(f"class weights: torch (divides by their sum 7) {by_t.item():.4f}")
for reduction in ["sum_over_batch_size", "mean_with_sample_weight"]:
    loss = ce_k.SparseCategoricalCrossentropy(True, reduction=reduction)
    value = loss(y, x, sample_weight=weight[y])
    print(f"  keras reduction={reduction!r}: {float(value):.4f}")

smooth_t = ce_t(torch.from_numpy(x), torch.from_numpy(y), label_smoothing=0.1)
params = inspect.signature(ce_k.SparseCategoricalCrossentropy).parameters
print("keras Sparse... label_smoothing:", "label_smoothing" in params)
one_hot = keras.ops.one_hot(y, 4)
loss = ce_k.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
print(f"label_smoothing=0.1: torch {smooth_t.item():.4f}", end=" ")
print(f"keras on one-hot {float(loss(one_hot, x)):.4f}")
