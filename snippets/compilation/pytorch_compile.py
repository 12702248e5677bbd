import time

import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
model = nn.Sequential(nn.Linear(16, 32), nn.GELU(), nn.Linear(32, 4)).to(device)
x = torch.randn(8, 16, device=device)

# torch.compile returns a wrapper; the model is captured into a graph at the first call.
# The default backend, "inductor", generates C++ (CPU) or Triton (GPU) kernels: the fastest code,
# but a first call of 10-25 s on a small CPU. "aot_eager" runs the same capture (TorchDynamo and
# AOTAutograd) without generating code, so that this example stays fast; drop it in real use.
compiled = torch.compile(model, backend="aot_eager")

start = time.perf_counter()
out = compiled(x)  # first call: trace and compile
first = time.perf_counter() - start
start = time.perf_counter()
compiled(x)  # later calls with the same shapes reuse the compiled graph
later = time.perf_counter() - start
print(f"first call {first:.2f} s, second call {later * 1000:.1f} ms")

# Compiled and eager agree; gradients flow through the compiled module too.
torch.testing.assert_close(out, model(x))
out.sum().backward()
print("results match; gradient shape:", tuple(model[0].weight.grad.shape))
