import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")  # the GPU (or MPS, XPU) if there is one

# The same loop with a native PyTorch model: only the model definition differs.
model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1)).to(device)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = nn.MSELoss()

x = torch.randn(64, 8, device=device)
y = x.sum(dim=1, keepdim=True)
losses = []
for _ in range(50):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    losses.append(loss.detach())  # no .item() here: it waits for the GPU

losses = torch.stack(losses).tolist()
print("parameters seen by torch:", sum(p.numel() for p in model.parameters()))
print(f"loss {losses[0]:.2f} -> {losses[-1]:.2f}")
assert losses[-1] < losses[0] / 2, "the loss should go down"
