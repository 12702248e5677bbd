import tensorflow as tf
from torch.utils.data import DataLoader

ten = list(range(10))
print("DataLoader:", [len(b) for b in DataLoader(ten, batch_size=4)])
full = DataLoader(ten, batch_size=4, drop_last=True)
print("drop_last=True:", [len(b) for b in full])

data = tf.data.Dataset.range(10)
print("tf.data:", [len(b) for b in data.batch(4)])
print("drop_remainder=True:", [len(b) for b in data.batch(4, True)])
