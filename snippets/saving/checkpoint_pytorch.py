import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")  # the GPU (or MPS, XPU) if there is one

model = nn.Linear(8, 1).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
x, y = torch.randn(16, 8, device=device), torch.randn(16, 1, device=device)
steps = 3
for _ in range(steps):
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "checkpoint.pt")
    # To resume training, save the optimizer's state (Adam's moments) with
    # the weights, and where you stopped; add the LR scheduler's and the
    # GradScaler's state_dict() when you use them. Under DDP, save on rank 0.
    checkpoint = {
        "model": model.state_dict(),
        "optimizer": optimizer.state_dict(),
        "step": steps,
    }
    torch.save(checkpoint, path)

    resumed_model = nn.Linear(8, 1).to(device)
    resumed_optimizer = torch.optim.Adam(resumed_model.parameters(), lr=1e-2)
    # Load on the CPU: load_state_dict copies each tensor to its parameter's
    # device, and Adam's step counters stay on the CPU, where it reads them.
    checkpoint = torch.load(path, map_location="cpu")
    resumed_model.load_state_dict(checkpoint["model"])
    resumed_optimizer.load_state_dict(checkpoint["optimizer"])

print("resume after step:", checkpoint["step"])
adam_state = resumed_optimizer.state_dict()["state"][0]
print("Adam steps taken:", int(adam_state["step"]))
print("same weights:", torch.equal(model.weight, resumed_model.weight))
