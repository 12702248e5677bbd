import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16.0
labels = torch.tensor(digits.target)
# Pinned (page-locked) CPU batches copy to a GPU faster, and asynchronously.
loader = DataLoader(
    TensorDataset(features, labels),
    batch_size=128,
    shuffle=True,
    pin_memory=device.type == "cuda",
)

model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
model = model.to(device)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=3e-2)

for _ in range(3):
    for x, y in loader:  # CPU batches: move each one to the device
        x = x.to(device, non_blocking=True)
        y = y.to(device, non_blocking=True)
        optimizer.zero_grad()
        loss_fn(model(x), y).backward()
        optimizer.step()

model.eval()
correct = torch.zeros((), dtype=torch.int64, device=device)
with torch.inference_mode():
    for x, y in loader:
        predictions = model(x.to(device)).argmax(dim=1)
        correct += (predictions == y.to(device)).sum()
accuracy = correct.item() / len(loader.dataset)  # one sync, at the end
print("training accuracy above 0.9:", accuracy > 0.9)
