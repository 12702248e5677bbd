import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16.0
labels = torch.tensor(digits.target)
# A Dataset over tensors that share their first dimension.
dataset = TensorDataset(features, labels)

# shuffle=True draws a new order every epoch; a seeded generator makes it
# repeatable.
generator = torch.Generator().manual_seed(0)
loader = DataLoader(dataset, batch_size=64, shuffle=True, generator=generator)
x, y = next(iter(loader))
print("batches:", len(loader))
print("first batch:", tuple(x.shape), tuple(y.shape))
print("last batch:", [len(y) for _, y in loader][-1])

first_epoch = next(iter(loader))[1]
second_epoch = next(iter(loader))[1]
print("new order each epoch:", not torch.equal(first_epoch, second_epoch))

# drop_last=True skips the short last batch (for layers that need full
# batches).
print(
    "with drop_last:", len(DataLoader(dataset, batch_size=64, drop_last=True))
)
