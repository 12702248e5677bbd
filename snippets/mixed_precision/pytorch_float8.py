import torch

x = torch.tensor([0.1, 3.14159, 300.0, 1000.0])
for dtype in [torch.float8_e4m3fn, torch.float8_e5m2]:
    rounded = x.to(dtype).float().tolist()
    print(f"{str(dtype)[6:]:13} max {torch.finfo(dtype).max:g}: {rounded}")
# Out of range, the cast clips (1000 -> 448). A per-tensor scale maps the
# largest value to the format's max before the cast, and back after.
scale = x.abs().max() / torch.finfo(torch.float8_e4m3fn).max
back = (x / scale).to(torch.float8_e4m3fn).float() * scale
print("scaled e4m3fn:", [round(v, 3) for v in back.tolist()])
