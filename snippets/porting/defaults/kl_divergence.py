import warnings

import keras
import numpy as np
import torch

p = np.array([[0.7, 0.2, 0.1], [0.1, 0.6, 0.3]], "float32")  # y_true
q = np.array([[0.5, 0.3, 0.2], [0.2, 0.5, 0.3]], "float32")  # y_pred
print(
    f"KL(p || q), mean over the batch: {(p * np.log(p / q)).sum(1).mean():.4f}"
)

# torch: (input, target), the input as log-probabilities
log_q, p_t = torch.log(torch.from_numpy(q)), torch.from_numpy(p)
batchmean = torch.nn.KLDivLoss(reduction="batchmean")(log_q, p_t)
print(f"torch KLDivLoss(reduction='batchmean')(log q, p): {batchmean:.4f}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    default = torch.nn.KLDivLoss()(log_q, p_t)  # reduction="mean"
print(f"torch KLDivLoss()(log q, p): {default:.4f}, divided by all elements")
print("  warns:", str(caught[0].message).split(".")[0])
# Keras: (y_true, y_pred), both probabilities
by_keras = float(keras.losses.KLDivergence()(p, q))
print(f"keras KLDivergence()(p, q): {by_keras:.4f}")
