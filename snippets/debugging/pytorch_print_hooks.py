import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        h = torch.relu(self.hidden(x))
        # forward() is plain Python, run at every call: print, assert or
        # breakpoint() anywhere. (.item() waits for the GPU: debug only.)
        zeros = (h == 0).float().mean().item()
        print(f"forward: h {tuple(h.shape)}, {zeros:.0%} zeros")
        return self.out(h)


torch.manual_seed(0)
model = Net()


# A forward hook reports on a layer without editing the model's code.
def report(module, inputs, output):
    name = type(module).__name__
    shapes = f"{tuple(inputs[0].shape)} -> {tuple(output.shape)}"
    print(f"hook on {name}: {shapes}")


handle = model.out.register_forward_hook(report)
model(torch.randn(3, 4))
handle.remove()  # hooks stay until removed
model(torch.randn(3, 4))
