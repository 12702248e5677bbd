import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.BatchNorm1d(4), nn.Dropout(0.5))
validation = torch.randn(16, 4) + 5.0
norm = model[1]

with torch.no_grad():
    model(validation)  # still in training mode
print("running mean moved:", bool(norm.running_mean.abs().sum() > 0))
print("dropout zeroed outputs:", bool((model(validation) == 0).any()))

norm.reset_running_stats()
model.eval()
with torch.no_grad():
    model(validation)
print("after eval(), running mean moved:", bool(norm.running_mean.any()))
