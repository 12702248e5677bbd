import torch
from torch.utils.data import DistributedSampler, TensorDataset

dataset = TensorDataset(torch.arange(8))
sampler = DistributedSampler(dataset, num_replicas=2, rank=0, seed=0)

print("without set_epoch:", list(sampler), list(sampler))
orders = []
for epoch in range(2):
    sampler.set_epoch(epoch)  # a new shuffle for each epoch
    orders.append(list(sampler))
print("with set_epoch:   ", *orders)
