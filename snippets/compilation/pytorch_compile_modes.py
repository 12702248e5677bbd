import torch
from torch import nn
from torch._inductor import list_mode_options

# What each mode turns on in Inductor, torch.compile's default backend.
modes = ["default", "reduce-overhead", "max-autotune-no-cudagraphs"]
for mode in [*modes, "max-autotune"]:
    options = ", ".join(sorted(list_mode_options(mode)))
    print(f"{mode}: {options or '(nothing extra)'}")

accelerator = torch.accelerator.current_accelerator(check_available=True)
device = accelerator or torch.device("cpu")
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 4))
model = model.to(device)
x = torch.randn(8, 16, device=device)

# CUDA graphs apply to graphs on a CUDA device only; elsewhere this mode
# compiles as "default" does. The graphs are recorded after a warm-up
# call, so call it a few times.
fast = torch.compile(model, mode="reduce-overhead")
with torch.no_grad():
    for _ in range(3):
        out = fast(x)
    torch.testing.assert_close(out, model(x))
print("reduce-overhead matches eager")
