import torch
from torch import nn

# The "meta" device (shapes, no data) exists on every machine, so this runs
# without a GPU; a GPU behaves the same, with its own error message.
x = torch.ones(2, 3)
x.to("meta")  # the result is thrown away
print("x after x.to():", x.device)
x = x.to("meta")  # assign it
print("x after x = x.to():", x.device)

model = nn.Linear(3, 1)
model.to("meta")  # a module moves in place
print("model:", model.weight.device)

try:
    model(torch.ones(2, 3))  # a CPU input for a model elsewhere
except RuntimeError as error:
    print("RuntimeError:", error)
