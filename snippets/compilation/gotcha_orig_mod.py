import torch
from torch import nn

model = nn.Sequential(nn.Linear(4, 2))

# torch.compile wraps the model: the wrapper's keys gain a prefix.
compiled = torch.compile(model)
print("torch.compile(model):", list(compiled.state_dict()))

# Module.compile() compiles in place and keeps the keys.
model.compile()
print("model.compile():", list(model.state_dict()))

# A checkpoint of the wrapper does not load into a plain model.
try:
    nn.Sequential(nn.Linear(4, 2)).load_state_dict(compiled.state_dict())
except RuntimeError as error:
    print("RuntimeError:", str(error).splitlines()[1].strip())
