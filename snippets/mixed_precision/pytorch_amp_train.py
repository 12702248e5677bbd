import torch
from torch import nn

torch.manual_seed(0)
accelerator = torch.accelerator.current_accelerator(check_available=True)
device = accelerator or torch.device("cpu")
# bfloat16 needs no loss scaling: use it on CPUs and on GPUs that have it.
amp_dtype = torch.bfloat16
if device.type == "cuda":
    # NVIDIA GPUs before Ampere lack native bfloat16: the default
    # including_emulation=True would count them in.
    if not torch.cuda.is_bf16_supported(including_emulation=False):
        amp_dtype = torch.float16  # with loss scaling

model = nn.Sequential(nn.Linear(8, 32), nn.ReLU(), nn.Linear(32, 1))
model = model.to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
# GradScaler multiplies the loss so that small float16 gradients do not
# underflow to zero. With enabled=False (bfloat16) it passes through.
scaler = torch.amp.GradScaler(device.type, enabled=amp_dtype == torch.float16)

x = torch.randn(64, 8, device=device)
y = x.sum(dim=1, keepdim=True)
losses = []
for _ in range(20):
    optimizer.zero_grad()
    with torch.autocast(device_type=device.type, dtype=amp_dtype):
        loss = nn.functional.mse_loss(model(x), y)
    scaler.scale(loss).backward()  # outside autocast, on the scaled loss
    scaler.step(optimizer)  # unscales; skips the step on inf or NaN
    scaler.update()
    losses.append(loss.detach())  # no .item(): no sync with the GPU

first, last = losses[0].item(), losses[-1].item()
print(f"{device.type} {amp_dtype}: loss {first:.3f} -> {last:.3f}")
assert last < first, "the loss should go down"
