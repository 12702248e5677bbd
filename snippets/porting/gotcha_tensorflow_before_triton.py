# Triton's LLVM first: a CUDA build of PyTorch loads it here, before Keras
# loads TensorFlow's.
import torch._dynamo  # noqa: I001, F401
import importlib.util
import subprocess
import sys

import keras  # noqa: F401
import torch

torch.optim.SGD([torch.zeros(1)])  # loads PyTorch's compiler stack
print("torch._dynamo imported first: ran")

# The same script with TensorFlow (here through Keras) first, in a fresh
# Python process, where nothing is imported yet.
TENSORFLOW_FIRST = """
import keras
import torch
torch.optim.SGD([torch.zeros(1)])
"""
command = [sys.executable, "-c", TENSORFLOW_FIRST]
child = subprocess.run(command, capture_output=True, text=True)
# Only CUDA builds of PyTorch ship Triton; with one, TensorFlow first kills
# the process with a signal (LLVM's abort, or a crash in older releases).
has_triton = importlib.util.find_spec("triton") is not None
killed = child.returncode < 0
assert killed == has_triton, child.stderr[-300:]
print("TensorFlow first dies exactly when Triton is installed:", True)
