import tensorflow as tf
from sklearn.datasets import load_digits

# 1797 8x8 images of digits, shipped inside scikit-learn.
digits = load_digits()

# One element per row of the arrays: (image, label) pairs. The arrays are
# copied into the pipeline: for data larger than memory, read files.
dataset = tf.data.Dataset.from_tensor_slices((digits.images, digits.target))


def to_features(image, label):
    return tf.reshape(tf.cast(image, tf.float32), (64,)) / 16.0, label


# map() runs the function (traced as a graph) on every element as it
# flows through.
dataset = dataset.map(to_features, num_parallel_calls=tf.data.AUTOTUNE)

print("examples:", int(dataset.cardinality()))
print("element spec:", dataset.element_spec)
image, label = next(iter(dataset))
print("first:", tuple(image.shape), image.dtype.name, "label", int(label))
print("max pixel:", float(tf.reduce_max(image)))
