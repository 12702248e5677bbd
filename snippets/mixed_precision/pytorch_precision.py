import torch

# The two 16-bit formats trade range against precision.
for dtype in (torch.float16, torch.bfloat16, torch.float32):
    info = torch.finfo(dtype)
    limits = f"max {info.max:.3g}  min normal {info.tiny:.3g}"
    print(f"{str(dtype):15} {limits}  eps {info.eps:.3g}")

# float16 overflows early and flushes small gradients to zero: hence loss
# scaling.
for value in (70000.0, 1e-8):
    x = torch.tensor(value)
    half, brain = x.to(torch.float16).item(), x.to(torch.bfloat16).item()
    print(f"{value:g} -> {half:.4g} in float16, {brain:.4g} in bfloat16")
# bfloat16 keeps float32's range but only ~3 significant digits.
value = torch.tensor(1 + 1 / 256, dtype=torch.bfloat16).item()
print("1 + 1/256 in bfloat16:", value)
