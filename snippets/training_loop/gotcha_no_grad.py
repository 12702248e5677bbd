import torch
from torch import nn

model = nn.Linear(4, 2)
model.eval()
x = torch.randn(8, 4)

output = model(x)  # eval() does not stop the recording
print("recorded:", output.grad_fn is not None)
with torch.inference_mode():
    output = model(x)
print("under inference_mode:", output.grad_fn is not None)
