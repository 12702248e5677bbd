import torch
from torch import nn

device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")


class DigitsNet(nn.Module):
    def __init__(self, n_inputs=64, n_hidden=32, n_classes=10):
        super().__init__()
        # Layers assigned as attributes are registered: their parameters
        # become the model's.
        self.hidden = nn.Linear(n_inputs, n_hidden)
        self.out = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


# The weights exist as soon as the model is made.
model = DigitsNet().to(device)
print(model)
print("parameters:", sum(p.numel() for p in model.parameters()))
print("hidden weight:", tuple(model.hidden.weight.shape))  # (out, in)
print("output:", tuple(model(torch.randn(5, 64, device=device)).shape))
