import torch

# On a machine without a GPU nothing moves by itself: code that names "cuda" fails.
print("CUDA available:", torch.cuda.is_available())
print("accelerator:", torch.accelerator.current_accelerator())  # cuda, mps, xpu ... or None

try:
    x = torch.ones(2, device="cuda")
    print("made a tensor on", x.device)
except (AssertionError, RuntimeError) as error:
    # A CPU-only build of torch raises AssertionError; a CUDA build without a driver, RuntimeError.
    print(f"{type(error).__name__}: {error}")

# The portable pattern: ask, then fall back to the CPU.
device = torch.accelerator.current_accelerator() or torch.device("cpu")
y = torch.ones(2, device=device) * 2
print("fallback device works:", y.device.type == device.type)
