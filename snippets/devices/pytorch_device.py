import torch
from torch import nn

# Choose the device at run time: the same script runs on a laptop and on a GPU server.
device = "cuda" if torch.cuda.is_available() else "cpu"
print("device:", device)

model = nn.Linear(3, 2)
model.to(device)  # a module moves in place (and returns itself)

x = torch.randn(4, 3, device=device)  # create data directly on the device: no copy
bias_cpu = torch.ones(4, 3)
bias = bias_cpu.to(device)  # a tensor does not move: .to() returns a copy on the device

out = model(x + bias)
print("parameters on:", next(model.parameters()).device.type)
print("bias_cpu still on:", bias_cpu.device.type)
print("output on:", out.device.type)

# .numpy() needs a CPU tensor that does not require grad: detach, then bring it back.
result = out.detach().cpu().numpy()
assert result.shape == (4, 2)
