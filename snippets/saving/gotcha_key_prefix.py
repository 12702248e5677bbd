import os
import tempfile

import torch
import torch.distributed as dist
from torch import nn

model = nn.Linear(2, 1)
compiled = torch.compile(model)
print("torch.compile(model):", list(compiled.state_dict()))
try:
    nn.Linear(2, 1).load_state_dict(compiled.state_dict())
except RuntimeError as error:
    print(str(error).splitlines()[1].strip())
model.compile()  # compiles the module in place: its keys stay the same
print("model.compile():", list(model.state_dict()))

# A one-process group on the CPU is enough to wrap a model in DDP.
with tempfile.TemporaryDirectory() as folder:
    store = "file://" + os.path.join(folder, "store")
    dist.init_process_group("gloo", init_method=store, rank=0, world_size=1)
    wrapped = nn.parallel.DistributedDataParallel(model)
    print("DDP:", list(wrapped.state_dict()))
    print("DDP's inner model:", list(wrapped.module.state_dict()))
    dist.destroy_process_group()
