import torch
from torch import nn

device = "cuda" if torch.cuda.is_available() else "cpu"

model = nn.Sequential(
    nn.Linear(64, 32),
    nn.ReLU(),
    nn.Linear(32, 10),
).to(device)

print("parameters:", sum(p.numel() for p in model.parameters()))
print("weights:", list(model.state_dict()))  # named by position in the stack
print("output:", tuple(model(torch.randn(5, 64, device=device)).shape))
