import os
import tempfile

import torch
from safetensors import safe_open
from safetensors.torch import load_file, save_file
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")  # the GPU (or MPS, XPU) if there is one


def make_model():
    return nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))


model = make_model().to(device)
x = torch.randn(4, 64, device=device)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "digits.safetensors")
    # Tensors by name after a JSON header, and no pickle: loading a file
    # runs no code.
    save_file(model.state_dict(), path)
    # Read one tensor without loading the others.
    with safe_open(path, framework="pt") as file:
        print("names:", list(file.keys()))
        print("2.bias:", tuple(file.get_tensor("2.bias").shape))
    restored = make_model().to(device)
    print(restored.load_state_dict(load_file(path)))

with torch.inference_mode():
    print("same outputs:", torch.equal(model(x), restored(x)))
