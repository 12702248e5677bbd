import warnings

import torch
from torch.nn.functional import cross_entropy, mse_loss

target = torch.arange(4.0)  # shape (4,)
pred = target.unsqueeze(1)  # shape (4, 1): the right values
# (4, 1) against (4,) broadcasts to (4, 4): a wrong loss, and only a
# warning says so.
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    loss = mse_loss(pred, target)
print("loss of a perfect prediction:", loss.item())
print(f"{caught[0].category.__name__}: {caught[0].message}")

# A batch mismatch in cross_entropy is a ValueError, not a RuntimeError.
try:
    cross_entropy(torch.randn(2, 3), torch.tensor([0, 1, 2]))
except ValueError as error:
    print("ValueError:", error)
