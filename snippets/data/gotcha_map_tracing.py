import numpy as np
import tensorflow as tf

data = tf.data.Dataset.range(3)


def double(n):
    print("traced with", n)  # runs once, on a symbolic tensor
    return n * 2


print([int(n) for n in data.map(double)])

try:
    data.map(lambda n: np.square(n))
except NotImplementedError as error:
    print("NumPy in map:", str(error).splitlines()[-1].strip())
squares = data.map(lambda n: tf.numpy_function(np.square, [n], tf.int64))
print("tf.numpy_function:", [int(n) for n in squares])
