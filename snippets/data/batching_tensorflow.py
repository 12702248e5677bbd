import tensorflow as tf
from sklearn.datasets import load_digits

digits = load_digits()
features = digits.data.astype("float32") / 16.0
dataset = tf.data.Dataset.from_tensor_slices((features, digits.target))

# shuffle before batch, with a buffer as large as the data for a full shuffle
# (for data larger than memory, shuffle the file names instead);
# prefetch overlaps preparing the next batch with training on this one.
loader = (
    dataset.shuffle(len(features), seed=0).batch(64).prefetch(tf.data.AUTOTUNE)
)
x, y = next(iter(loader))
print("batches:", int(loader.cardinality()))
print("first batch:", tuple(x.shape), tuple(y.shape))
print("last batch:", [len(y) for _, y in loader][-1])

first_epoch = next(iter(loader))[1]
second_epoch = next(iter(loader))[1]
print(
    "new order each epoch:",
    not bool(tf.reduce_all(first_epoch == second_epoch)),
)

full_batches = dataset.batch(64, drop_remainder=True)
print("with drop_remainder:", int(full_batches.cardinality()))
