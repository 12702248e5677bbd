import torch

# cuda, mps, xpu... or None: torch.accelerator covers every kind.
accelerator = torch.accelerator.current_accelerator(check_available=True)
print("accelerator:", accelerator)

if torch.cuda.is_available():
    print("a tensor on", torch.ones(2, device="cuda").device)
else:
    # Without a GPU nothing moves by itself: code that names "cuda" fails.
    try:
        torch.ones(2, device="cuda")
    except (AssertionError, RuntimeError) as error:
        # A CPU-only build of torch raises AssertionError; a CUDA build
        # without a driver, RuntimeError.
        print(f"{type(error).__name__}: {error}")

# The portable pattern: whatever accelerator there is, else the CPU.
device = accelerator or torch.device("cpu")
y = torch.ones(2, device=device) * 2
print("fallback device works:", y.device.type == device.type)
