import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
# float16 on CUDA (fast on tensor cores, needs loss scaling); bfloat16 on CPU (no scaling needed).
amp_dtype = torch.float16 if device == "cuda" else torch.bfloat16

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
# GradScaler multiplies the loss so that small float16 gradients do not underflow to zero.
# With enabled=False (bfloat16 on CPU) every call below passes straight through.
scaler = torch.amp.GradScaler(device, enabled=amp_dtype == torch.float16)

x = torch.randn(64, 8, device=device)
y = x.sum(dim=1, keepdim=True)
losses = []
for _ in range(20):
    optimizer.zero_grad()
    with torch.autocast(device_type=device, dtype=amp_dtype):
        loss = nn.functional.mse_loss(model(x), y)
    scaler.scale(loss).backward()  # backward outside autocast, on the scaled loss
    scaler.step(optimizer)  # unscales the gradients; skips the step if any is inf or NaN
    scaler.update()
    losses.append(loss.item())

print(f"{device} {amp_dtype}: loss {losses[0]:.3f} -> {losses[-1]:.3f}")
assert losses[-1] < losses[0], "the loss should go down"
