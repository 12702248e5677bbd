import tensorflow as tf

t = tf.constant([1, 2, 3])
try:
    t[0] = 10
except TypeError as error:
    print("TypeError:", error)

# Build a new tensor instead, or use a tf.Variable.
print(tf.tensor_scatter_nd_update(t, [[0]], [10]).numpy())
v = tf.Variable(t)
v[0].assign(10)
print(v.numpy())
