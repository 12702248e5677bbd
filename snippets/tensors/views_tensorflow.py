import tensorflow as tf

base = tf.range(6)

# Tensors are immutable: no item assignment, so views vs copies never shows.
try:
    base[0] = 100
except TypeError:
    print("base[0] = 100: TypeError")

# Every operation returns a new tensor; the original is untouched.
updated = tf.tensor_scatter_nd_update(base, indices=[[0]], updates=[100])
grid = tf.reshape(updated, (2, 3))
print(base.numpy(), updated.numpy())
print(grid.numpy().tolist())

# What you update in place is a tf.Variable (weights are Variables).
weights = tf.Variable(base)
weights[0].assign(100)
weights[1:3].assign([0, 0])
print(weights.numpy())
