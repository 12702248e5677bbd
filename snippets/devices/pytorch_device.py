import torch
from torch import nn

# Choose the device at run time: the accelerator torch finds (CUDA, Apple
# mps, Intel xpu, ...) or else the CPU. The same script runs anywhere.
accelerator = torch.accelerator.current_accelerator(check_available=True)
device = accelerator or torch.device("cpu")

model = nn.Linear(3, 2)
model.to(device)  # a module moves in place (and returns itself)

x = torch.randn(4, 3, device=device)  # made on the device: no copy
offset_cpu = torch.ones(4, 3)
# .to() returns a tensor on the device (a copy if it had to move) and
# leaves the original where it was.
offset = offset_cpu.to(device)
# Inside `with torch.device(...)`, new tensors are made on that device.
with torch.device(device):
    noise = torch.zeros(4, 3)

out = model(x + offset + noise)
print("parameters on it:", model.weight.device.type == device.type)
print("made in the block on it:", noise.device.type == device.type)
print("output on it:", out.device.type == device.type)
print("offset_cpu still on:", offset_cpu.device.type)

# .numpy() needs a CPU tensor that does not require grad; force=True
# detaches it and copies it to the CPU first.
result = out.numpy(force=True)
assert result.shape == (4, 2)
