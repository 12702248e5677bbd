import torch
from torch import nn

device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")


class Int8Linear(nn.Module):
    """A Linear whose weight is kept as int8, with one float scale per row."""

    def __init__(self, linear):
        super().__init__()
        weight = linear.weight.detach()
        scale = weight.abs().amax(dim=1, keepdim=True) / 127
        self.register_buffer(
            "qweight", (weight / scale).round().to(torch.int8)
        )
        self.register_buffer("scale", scale)
        self.register_buffer("bias", linear.bias.detach().clone())

    def forward(self, x):
        weight = self.qweight.to(x.dtype) * self.scale  # dequantize on the fly
        return nn.functional.linear(x, weight, self.bias)


def weight_bytes(model):
    return sum(t.nbytes for t in model.state_dict().values())


torch.manual_seed(0)
model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10))
model = model.to(device).eval()
x = torch.rand(32, 64).to(device)
with torch.no_grad():
    expected = model(x)
print("float32 weights:", weight_bytes(model), "bytes")

for i, layer in enumerate(model):
    if isinstance(layer, nn.Linear):
        model[i] = Int8Linear(layer)
print("int8 weights:   ", weight_bytes(model), "bytes")
with torch.no_grad():
    out = model(x)
error = (out - expected).abs().max() / expected.abs().max()
print(f"max abs diff: {error:.1%} of the largest output")
