import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
x = torch.ones(1, 4)

# Exported in training mode, the program keeps dropout: random outputs.
training = torch.export.export(model, (x,)).module()
print("train mode, two calls agree:", torch.equal(training(x), training(x)))

model.eval()
inference = torch.export.export(model, (x,)).module()
print("eval mode, two calls agree:", torch.equal(inference(x), inference(x)))
