from itertools import islice

import keras
import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

x = np.arange(100, dtype="float32").reshape(100, 1)  # sample i holds i
loader = DataLoader(TensorDataset(torch.from_numpy(x)))
first = [batch.ravel().tolist() for (batch,) in islice(loader, 3)]
print(
    "torch DataLoader: batch_size", loader.batch_size, "first batches", first
)


class Record(keras.layers.Layer):
    def call(self, inputs, training=None):
        seen.setdefault(training, []).append(inputs)  # None: at build
        return inputs


seen = {}
keras.utils.set_random_seed(0)
model = keras.Sequential([keras.Input((1,)), Record(), keras.layers.Dense(1)])
model.compile(loss="mse", run_eagerly=True)  # Python runs at every batch
model.fit(x, x, validation_split=0.2, epochs=1, verbose=0)
sizes = [len(batch) for batch in seen[True]]
print("keras fit: batch sizes", sizes, "(80 training samples)")
in_order = bool(np.all(np.ravel(seen[True][0]) == np.arange(32)))
print("  first batch holds samples 0 to 31:", in_order, "(shuffled)")
held_out = np.concatenate(seen[False]).ravel()
low, high = held_out.min(), held_out.max()
print(f"  validation_split=0.2 holds out samples {low:.0f} to {high:.0f}")
