import torch
from torch import nn

device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")


class ResidualNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(64, 32)
        self.block = nn.Linear(32, 32)
        self.out = nn.Linear(32, 10)

    def forward(self, x):
        # Any graph is just Python: branch, add, loop, use if statements.
        h = torch.relu(self.hidden(x))
        h = h + torch.relu(self.block(h))  # skip connection
        return self.out(h)


model = ResidualNet().to(device)
print("parameters:", sum(p.numel() for p in model.parameters()))
print("output:", tuple(model(torch.randn(5, 64, device=device)).shape))
