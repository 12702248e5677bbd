import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")

model = nn.Sequential(
    nn.Linear(20, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 2)
).to(device)
x = torch.randn(8, 20, device=device)

# A new module is in training mode: dropout drops, so two calls differ.
print("training mode:", model.training)
print("two calls agree:", torch.equal(model(x), model(x)))

# eval() switches dropout and batch norm to inference behaviour;
# inference_mode() skips recording (no_grad() too, for outputs that must
# later meet autograd).
model.eval()
with torch.inference_mode():
    first, second = model(x), model(x)
print("after eval(), two calls agree:", torch.equal(first, second))
print("recorded for backward:", first.requires_grad)
model.train()  # and back before the next training epoch
