import torch
from torch import nn

device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")

model = nn.Sequential(
    nn.Linear(64, 32),
    nn.ReLU(),
    nn.Linear(32, 10),
).to(device)

print("parameters:", sum(p.numel() for p in model.parameters()))
print("weights:", list(model.state_dict()))  # named by position in the stack
print("output:", tuple(model(torch.randn(5, 64, device=device)).shape))

# nn.LazyLinear, like Keras's Dense, takes only its output size and finds
# its input size at the first call.
lazy = nn.LazyLinear(32)
lazy(torch.randn(5, 64))
print("LazyLinear after a call:", tuple(lazy.weight.shape))
