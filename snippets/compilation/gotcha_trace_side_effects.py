import sys

import tensorflow as tf

seen = []


@tf.function
def double(x):
    seen.append(x.shape)  # Python: runs while tracing, not at every call
    tf.print("tf.print ran", output_stream=sys.stdout)  # a graph op
    return x * 2


for _ in range(3):
    double(tf.ones(2))
print("calls: 3 | list.append ran:", len(seen))
