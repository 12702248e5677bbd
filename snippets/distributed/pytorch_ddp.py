import os
import socket

import torch
import torch.distributed as dist
import torch.multiprocessing as mp
from torch import nn
from torch.nn.parallel import DistributedDataParallel as DDP


def train(rank, world_size, port):
    # torchrun sets these (and RANK, WORLD_SIZE, LOCAL_RANK) for each process.
    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    device = torch.device("cpu", 0)  # device_id wants an index, even here
    if torch.cuda.is_available() and torch.cuda.device_count() >= 2:
        # One GPU per process. Under torchrun, on several machines, the GPU's
        # index is int(os.environ["LOCAL_RANK"]), not the global rank.
        device = torch.device("cuda", rank)
        torch.cuda.set_device(device)
    # device_id binds the process to its device, and picks the backend for
    # it: NCCL for CUDA GPUs, gloo for the CPU.
    dist.init_process_group(rank=rank, world_size=world_size, device_id=device)
    torch.manual_seed(rank)  # different initial weights on purpose ...
    # ... DDP copies rank 0's weights to every process here.
    model = DDP(nn.Linear(4, 1).to(device))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

    torch.manual_seed(100 + rank)  # each process has its own shard of data
    x = torch.randn(16, 4, device=device)
    y = x.sum(dim=1, keepdim=True)
    for _ in range(5):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), y)
        loss.backward()  # averages the gradients across processes
        optimizer.step()

    # Gather every replica's weights to check that they stayed identical.
    weight = model.module.weight.detach()
    gathered = [torch.empty_like(weight) for _ in range(world_size)]
    dist.all_gather(gathered, weight)
    if rank == 0:
        equal = all(torch.equal(w, weight) for w in gathered)
        print("weights equal on every replica:", equal)
    dist.destroy_process_group()


if __name__ == "__main__":  # required: the worker processes import this file
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))  # ask the OS for a free port
        port = s.getsockname()[1]
    # One process per GPU given two or more; else two processes on the CPU.
    gpus = torch.cuda.device_count()
    world_size = gpus if gpus >= 2 else 2
    # "spawn" starts fresh interpreters, on every OS. In production:
    # torchrun --standalone --nproc-per-node=N train.py
    mp.spawn(train, args=(world_size, port), nprocs=world_size)
