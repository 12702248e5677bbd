import torch

device = "cuda" if torch.cuda.is_available() else "cpu"

x = torch.ones(2, 3)  # created on the CPU unless you say otherwise
print("created on:", x.device)

y = x.to(device)  # a copy on the GPU, or x itself when already there
z = torch.zeros(2, 3, device=device)  # or create it where it will be used
print("moved:", y.device.type == device, (y + z).device.type == device)
same = x.to("cpu") is x
print(".to() a device it is already on returns the same tensor:", same)

# NumPy only sees CPU memory: come back with .cpu() first.
print((y + z).cpu().numpy().sum())

# Operands must share a device; a 0-dim CPU tensor (like a number) is the
# exception. "meta" (shapes, no data) stands in for a GPU on any machine.
on_meta = torch.ones(2, device="meta")
print("meta + 0-dim CPU tensor:", (on_meta + torch.tensor(1.0)).device)
try:
    on_meta + torch.ones(2)
except RuntimeError as error:
    print("meta + CPU tensor:", error)
