import importlib.util
import subprocess
import sys

# A script that uses both: TensorFlow (here through Keras), then a PyTorch
# optimizer, which loads PyTorch's compiler stack and, in a CUDA build of
# PyTorch, Triton.
SCRIPT = """{first}
import keras
import torch
torch.optim.SGD([torch.zeros(1)])
print("ran")
"""


def run(first: str) -> subprocess.CompletedProcess:
    code = SCRIPT.format(first=first)
    command = [sys.executable, "-c", code]
    return subprocess.run(command, capture_output=True, text=True)


keras_first = run("")
triton_first = run("import torch._dynamo  # Triton's LLVM first")
print("torch._dynamo imported first:", triton_first.stdout.strip())
# Only CUDA builds of PyTorch ship Triton; with one, TensorFlow first kills
# the process with a signal (LLVM's abort, or a crash in older releases).
has_triton = importlib.util.find_spec("triton") is not None
killed = keras_first.returncode < 0
assert killed == has_triton, keras_first.stderr[-300:]
print("TensorFlow first dies exactly when Triton is installed:", True)
