import math

import keras
from sklearn.datasets import load_digits


class DigitBatches(keras.utils.PyDataset):
    """Keras's own dataset class: it returns whole batches."""

    def __init__(self, batch_size=64, **kwargs):
        # workers, use_multiprocessing, max_queue_size
        super().__init__(**kwargs)
        digits = load_digits()
        # digits.data is already flattened to 64 values.
        self.features = digits.data.astype("float32") / 16.0
        self.labels = digits.target
        self.batch_size = batch_size

    def __len__(self):  # the number of batches
        return math.ceil(len(self.labels) / self.batch_size)

    def __getitem__(self, index):
        batch = slice(index * self.batch_size, (index + 1) * self.batch_size)
        return self.features[batch], self.labels[batch]


batches = DigitBatches()
x, y = batches[0]
print("batches:", len(batches))
print("first batch:", x.shape, x.dtype, y.shape)
print("last batch:", batches[len(batches) - 1][0].shape)
