import torch

device = torch.accelerator.current_accelerator(
    check_available=True
) or torch.device("cpu")

x = torch.ones(2, 3)  # created on the CPU unless you say otherwise
print("created on:", x.device)

y = x.to(device)  # a copy on the accelerator, or x itself if already there
z = torch.zeros(2, 3, device=device)  # or create it where it will be used
print("moved:", y.device.type == device.type, (y + z).device == y.device)
same = x.to("cpu") is x
print(".to() a device it is already on returns the same tensor:", same)

# NumPy only sees CPU memory: come back with .cpu() first.
print((y + z).cpu().numpy().sum())

# Change where new tensors go: for a block, or from here on.
with torch.device("meta"):
    print("inside `with torch.device`:", torch.ones(2).device)
torch.set_default_device("meta")
print("after set_default_device:", torch.ones(2).device)
torch.set_default_device(None)  # back to the CPU

# Operands must share a device; a 0-dim CPU tensor (like a number) is the
# exception. "meta" (shapes, no data) stands in for a GPU on any machine.
on_meta = torch.ones(2, device="meta")
print("meta + 0-dim CPU tensor:", (on_meta + torch.tensor(1.0)).device)
try:
    on_meta + torch.ones(2)
except RuntimeError as error:
    print("meta + CPU tensor:", error)
