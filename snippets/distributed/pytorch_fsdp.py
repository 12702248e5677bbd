import os
import socket
import tempfile

import torch
import torch.distributed as dist
import torch.distributed.checkpoint as dcp
import torch.multiprocessing as mp
from torch import nn
from torch.distributed.checkpoint.state_dict import get_state_dict
from torch.distributed.fsdp import fully_shard


def sharded_model(device):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(8, 16), nn.ReLU(), nn.Linear(16, 1))
    for layer in model[::2]:  # each Linear, then the whole model
        fully_shard(layer.to(device))
    return fully_shard(model)


def train(rank, world_size, port, folder):
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    device = torch.device("cpu", 0)
    if torch.cuda.is_available() and torch.cuda.device_count() >= 2:
        device = torch.device("cuda", rank)  # one GPU per process
        torch.cuda.set_device(device)
    dist.init_process_group(rank=rank, world_size=world_size, device_id=device)
    # Each process holds 1/world_size of every parameter (a DTensor), and
    # gathers a layer's full weights only while it computes with them.
    model = sharded_model(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    torch.manual_seed(100 + rank)  # each process has its own data
    x = torch.randn(16, 8, device=device)
    for _ in range(3):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), x.sum(1, keepdim=True)).backward()
        optimizer.step()

    # A distributed checkpoint: every process writes its own shards.
    model_state, optimizer_state = get_state_dict(model, optimizer)
    state = {"model": model_state, "optim": optimizer_state}
    dcp.save(state, checkpoint_id=folder)
    # Load it into a new sharded model: each process reads its shards.
    restored = sharded_model(device)
    state = {"model": restored.state_dict()}
    dcp.load(state, checkpoint_id=folder)
    restored.load_state_dict(state["model"])
    weight, again = model[0].weight, restored[0].weight
    same = torch.equal(weight.full_tensor(), again.full_tensor())
    if rank == 0:
        print("process 0 holds", tuple(weight.to_local().shape), "of (16, 8)")
        print("checkpoint files:", sorted(os.listdir(folder)))
        print("reloaded weights equal:", same)
    dist.destroy_process_group()


if __name__ == "__main__":  # required: the worker processes import this file
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as folder:
        mp.spawn(train, args=(2, port, folder), nprocs=2)
