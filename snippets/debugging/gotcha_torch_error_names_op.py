import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(6, 2))


def show_input(module, inputs):  # a pre-hook sees each layer's input
    print(f"{module} <- {tuple(inputs[0].shape)}")


for layer in model:
    layer.register_forward_pre_hook(show_input)
try:
    model(torch.ones(3, 4))
except RuntimeError as error:
    print("RuntimeError:", error)  # names mat1 and mat2, not the layer
