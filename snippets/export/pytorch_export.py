import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)

# torch.export traces the model into a graph of ATen ops, with no Python
# left in it. Shapes are fixed to the example's unless declared dynamic.
batch = torch.export.Dim("batch")
shapes = {"input": {0: batch}}
program = torch.export.export(model, (x,), dynamic_shapes=shapes)
# One file: graph, weights and shape constraints.
torch.export.save(program, "model.pt2")

# Load it back (no need for the Python class) and compare with the original.
loaded = torch.export.load("model.pt2").module()
with torch.no_grad():
    torch.testing.assert_close(loaded(x), model(x))
    other_batch = torch.randn(5, 4)
    torch.testing.assert_close(loaded(other_batch), model(other_batch))
inputs = program.graph_signature.user_inputs
print("reloaded program matches the model; input:", inputs)
