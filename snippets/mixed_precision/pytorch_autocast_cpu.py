import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 2))
x = torch.randn(4, 8)
target = torch.randn(4, 2)

# Inside autocast, matmul, linear and conv run in bfloat16 and losses in
# float32; on the CPU other ops follow their inputs (see the Gotchas).
# The weights stay float32.
with torch.autocast(device_type="cpu", dtype=torch.bfloat16):
    out = model(x)
    loss = nn.functional.mse_loss(out, target)

print("weights:", model[0].weight.dtype)
print("linear output:", out.dtype)
print("loss:", loss.dtype)

# Call backward outside the autocast block; the gradients come out in the
# weights' dtype.
loss.backward()
print("gradient:", model[0].weight.grad.dtype)
