import torch
from torch import nn

torch.manual_seed(0)
accelerator = torch.accelerator.current_accelerator(check_available=True)
device = accelerator or torch.device("cpu")
model = nn.Sequential(nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 4))
model = model.to(device)
x = torch.randn(8, 16, device=device)

# Inductor, the default backend, generates C++ (CPU) or Triton (GPU)
# kernels at the first call; calls with the same shapes reuse them.
compiled = torch.compile(model)
out = compiled(x)

# Compiled and eager agree to tolerance; gradients flow through too.
torch.testing.assert_close(out, model(x))
out.sum().backward()
print("gradient shape:", tuple(model[0].weight.grad.shape))

# The wrapper shares the model's weights, under an _orig_mod. prefix.
print("compiled keys:", list(compiled.state_dict())[:2])
