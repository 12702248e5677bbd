import tensorflow as tf

data = tf.data.Dataset.range(8)

# batch, then shuffle: the batches move, their contents do not.
batches = data.batch(2).shuffle(4, seed=0)
print("batch then shuffle:", [b.tolist() for b in batches.as_numpy_iterator()])

# shuffle, then cache: the first epoch's order is cached and replayed.
cached = data.shuffle(8, seed=0).cache()
epoch_1, epoch_2 = (
    list(cached.as_numpy_iterator()),
    list(cached.as_numpy_iterator()),
)
print("shuffle then cache, same order twice:", epoch_1 == epoch_2)

reshuffled = data.cache().shuffle(8, seed=0)
epoch_1 = list(reshuffled.as_numpy_iterator())
epoch_2 = list(reshuffled.as_numpy_iterator())
print("cache then shuffle, same order twice:", epoch_1 == epoch_2)
