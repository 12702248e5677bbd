import torch
from torch import nn

model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)


def optimizer_holds_weight():
    return optimizer.param_groups[0]["params"][0] is model.weight


model.to(torch.float64)  # new data inside the same Parameter objects
print("after .to(float64):", optimizer_holds_weight())
model.to("meta")  # this move makes new Parameter objects
print("after .to('meta'):", optimizer_holds_weight())

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
print("optimizer made after the move:", optimizer_holds_weight())
