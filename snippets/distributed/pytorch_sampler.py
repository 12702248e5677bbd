import torch
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(10))

# In DDP every process builds the same DataLoader; a DistributedSampler
# gives each process (rank) its own shard. Inside a process group it finds
# num_replicas and rank itself; here they are passed by hand, to show the
# shards without starting processes.
for rank in range(2):
    sampler = DistributedSampler(dataset, num_replicas=2, rank=rank, seed=0)
    sampler.set_epoch(0)  # call at every epoch (see the Gotchas)
    loader = DataLoader(dataset, batch_size=5, sampler=sampler)
    shard = torch.cat([batch for (batch,) in loader]).tolist()
    print(f"rank {rank} sees {sorted(shard)}")
