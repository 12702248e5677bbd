import torch
from torch.nn.functional import mse_loss

pred = torch.full((4,), 300.0, dtype=torch.float16)
target = torch.zeros(4, dtype=torch.float16)

# 300 squared is 90000, beyond float16's largest number (65504).
print("by hand in float16:", ((pred - target) ** 2).mean().item())
# Inside autocast, the loss runs in float32.
with torch.autocast(device_type="cpu", dtype=torch.float16):
    loss = mse_loss(pred, target)
print("mse_loss under autocast:", loss.item(), loss.dtype)
