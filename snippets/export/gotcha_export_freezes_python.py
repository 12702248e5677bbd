import random

import torch
from torch import nn


class Noisy(nn.Module):
    def forward(self, x):
        return x * random.random()  # a Python float: no tensor op makes it


random.seed(0)
model = Noisy()
x = torch.ones(2)
exported = torch.export.export(model, (x,)).module()

print("eager, two calls agree:", torch.equal(model(x), model(x)))
print("exported, two calls agree:", torch.equal(exported(x), exported(x)))
