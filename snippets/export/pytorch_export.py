import os
import tempfile

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)  # a batch of 2 or more: a batch of 1 fixes the size

# torch.export traces the model into a graph of ATen ops, with no Python
# left in it. Shapes are fixed to the example's unless declared dynamic.
batch = torch.export.Dim("batch")
shapes = {"input": {0: batch}}
program = torch.export.export(model, (x,), dynamic_shapes=shapes)
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.pt2")
    # One file: graph, weights and shape constraints.
    torch.export.save(program, path)
    # Load it back (no need for the Python class) and compare.
    loaded = torch.export.load(path).module()
with torch.no_grad():
    torch.testing.assert_close(loaded(x), model(x))
    other_batch = torch.randn(5, 4)
    torch.testing.assert_close(loaded(other_batch), model(other_batch))
inputs = program.graph_signature.user_inputs
print("reloaded program matches the model; input:", inputs)
