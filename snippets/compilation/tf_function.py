import numpy as np
import tensorflow as tf

calls = tf.Variable(0)


# Traced into a graph at the first call for each new input signature.
@tf.function
def layer(x, w):
    print("tracing for shape", x.shape)  # Python: runs only while tracing
    calls.assign_add(1)  # a TensorFlow op: in the graph, runs at every call
    return tf.nn.relu(tf.matmul(x, w))


w = tf.random.stateless_normal((3, 2), seed=(0, 0))
x = tf.random.stateless_normal((4, 3), seed=(1, 0))
y = layer(x, w)  # traces, then runs
layer(x, w)  # same shape and dtype: runs the graph, no trace
layer(x[:2], w)  # new shape: traces again

# The graph computes what eager code does.
expected = tf.nn.relu(tf.matmul(x, w)).numpy()
np.testing.assert_allclose(y.numpy(), expected, rtol=1e-6)
traced = layer.experimental_get_tracing_count()
print("calls:", int(calls.numpy()), "| graphs traced:", traced)
