import os
import socket

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP


def train(rank, world_size, port):
    os.environ["MASTER_ADDR"], os.environ["MASTER_PORT"] = "127.0.0.1", str(port)
    dist.init_process_group("gloo", rank=rank, world_size=world_size)  # gloo: the CPU backend
    torch.manual_seed(rank)  # different initial weights on purpose ...
    model = DDP(nn.Linear(4, 1))  # ... DDP copies rank 0's weights to every process here
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    torch.manual_seed(100 + rank)  # each process trains on its own shard of the data
    x = torch.randn(16, 4)
    y = x.sum(dim=1, keepdim=True)
    for _ in range(5):
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()  # backward() averages the gradients
        optimizer.step()

    # Gather every replica's weights to check that they stayed identical.
    weight = model.module.weight.detach()
    gathered = [torch.empty_like(weight) for _ in range(world_size)]
    dist.all_gather(gathered, weight)
    if rank == 0:
        print("replicas:", world_size)
        print("weights equal on every replica:", all(torch.equal(w, weight) for w in gathered))
    dist.destroy_process_group()


if __name__ == "__main__":  # required: the worker processes import this file
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # ask the OS for a free port
        port = s.getsockname()[1]
    world_size = 2  # two processes on this machine; on GPUs, one per GPU
    # forkserver (Python 3.14's default) is CUDA-safe like "spawn", and its workers skip the
    # interpreter teardown where, with "spawn", a gloo worker sometimes aborts (torch 2.13).
    mp.start_processes(train, args=(world_size, port), nprocs=world_size, start_method="forkserver")
