import torch
from torch import nn

model = nn.Linear(1, 1, bias=False)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x = torch.ones(1, 1)  # d(w * x)/dw = x = 1 at every step

for step in range(1, 4):
    # no optimizer.zero_grad() here
    model(x).sum().backward()
    optimizer.step()
    print(f"step {step}: grad {model.weight.grad.item()}")
