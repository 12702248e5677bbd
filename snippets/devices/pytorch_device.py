import torch
from torch import nn

# Choose the device at run time: the same script runs on a laptop and on a
# GPU server.
device = "cuda" if torch.cuda.is_available() else "cpu"
print("device:", device)

model = nn.Linear(3, 2)
model.to(device)  # a module moves in place (and returns itself)

x = torch.randn(4, 3, device=device)  # made on the device: no copy
offset_cpu = torch.ones(4, 3)
# .to() returns a tensor on the device (a copy if it had to move) and
# leaves the original where it was.
offset = offset_cpu.to(device)

out = model(x + offset)
print("parameters on:", next(model.parameters()).device.type)
print("offset_cpu still on:", offset_cpu.device.type)
print("output on:", out.device.type)

# .numpy() needs a CPU tensor that does not require grad: detach, then
# bring it back.
result = out.detach().cpu().numpy()
assert result.shape == (4, 2)
