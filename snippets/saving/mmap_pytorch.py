import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")  # the GPU (or MPS, XPU) if there is one


def make_model():
    return nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))


model = make_model().to(device).eval()
x = torch.randn(4, 64, device=device)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "digits.pt")
    torch.save(model.state_dict(), path)
    # The file is mapped into memory, not read: data loads when used.
    state = torch.load(path, map_location="cpu", mmap=True)
    saved = model.state_dict()
    print(
        "same tensors:",
        all(torch.equal(state[n], saved[n].cpu()) for n in saved),
    )
    # A model built on the meta device allocates no weights; assign=True
    # makes the loaded tensors its parameters instead of copying them in.
    with torch.device("meta"):
        restored = make_model()
    restored.load_state_dict(state, assign=True)
    weight = restored[0].weight
    print("no copy:", weight.data_ptr() == state["0.weight"].data_ptr())
    restored = restored.to(device).eval()
    with torch.inference_mode():
        print("same outputs:", torch.equal(model(x), restored(x)))
    del state, weight, restored  # unmap the file before its folder goes
