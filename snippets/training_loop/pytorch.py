import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")

# 512 points in 20 dimensions; the label says on which side of a fixed
# plane each lies.
rng = np.random.default_rng(0)
features = rng.normal(size=(512, 20)).astype("float32")
labels = (features @ rng.normal(size=20) > 0).astype("int64")
x = torch.from_numpy(features).to(device)
y = torch.from_numpy(labels).to(device)

model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
model = model.to(device)
loss_fn = nn.CrossEntropyLoss()  # takes logits
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)

epoch_losses = []
for _ in range(5):
    model.train()  # training behaviour for dropout and batch norm
    order = torch.randperm(len(x), device=device)  # shuffle every epoch
    total = torch.zeros((), device=device)  # summed on the device
    for start in range(0, len(x), 64):
        batch = order[start : start + 64]
        optimizer.zero_grad()
        loss = loss_fn(model(x[batch]), y[batch])
        loss.backward()
        optimizer.step()
        total += loss.detach() * len(batch)
    epoch_losses.append(total.item() / len(x))  # one sync per epoch

model.eval()
with torch.inference_mode():
    accuracy = (model(x).argmax(dim=1) == y).float().mean().item()
print("loss went down:", epoch_losses[-1] < epoch_losses[0])
print("accuracy above 0.9:", accuracy > 0.9)
