import numpy as np
import tensorflow as tf

tf.random.set_seed(0)

tensors = {
    "from a list": tf.constant([[1, 2], [3, 4]]),  # Python ints become int32
    "zeros": tf.zeros((2, 3)),  # the shape is one argument, not ints
    "range + reshape": tf.reshape(tf.range(6), (2, 3)),
    "random normal": tf.random.normal((2, 3)),
    "fill": tf.fill((2,), 7.0),
    "from NumPy": tf.convert_to_tensor(np.ones((2, 2), dtype=np.float32)),
    "variable": tf.Variable(tf.zeros((2,))),  # the mutable kind, for weights
}
for name, t in tensors.items():
    print(f"{name:16} shape={tuple(t.shape)} dtype={t.dtype.name}")
