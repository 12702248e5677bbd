import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")  # the GPU (or MPS, XPU) if there is one


def make_model():
    return nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))


model = make_model().to(device)
x = torch.randn(4, 64, device=device)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "digits.pt")
    torch.save(model.state_dict(), path)  # the tensors, by name: not the code

    # Tensors come back on the CPU; load_state_dict copies them to the
    # model's device.
    state = torch.load(path, map_location="cpu")
    print("saved:", {name: tuple(t.shape) for name, t in state.items()})
    # Your code builds the model; the file fills it in.
    restored = make_model().to(device)
    print(restored.load_state_dict(state))

# Keys are matched by name, and a missing one is an error by default.
partial = {name: t for name, t in state.items() if name != "2.bias"}
try:
    make_model().to(device).load_state_dict(partial)
except RuntimeError as error:
    print(str(error).splitlines()[1].strip())

model.eval()
restored.eval()
with torch.inference_mode():
    print("same outputs:", torch.equal(model(x), restored(x)))
