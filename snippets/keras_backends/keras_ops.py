import numpy as np
from keras import ops

# keras.ops follows NumPy's names and semantics, and returns the backend's
# own tensors: this file runs unchanged on every backend.
x = ops.arange(6)
# Dtypes follow Keras's own rules, not NumPy's (NumPy gives int64 here).
print("NumPy arange:", np.arange(6).dtype, "| keras.ops arange:", ops.dtype(x))
y = ops.reshape(ops.cast(x, "float32"), (2, 3))
row_sums = ops.sum(ops.softmax(y, axis=-1), axis=-1)
row_sums = ops.convert_to_numpy(row_sums).round(4)
print("softmax rows sum to:", row_sums.tolist())
product = ops.matmul(y, ops.transpose(y))
print("matmul:", ops.convert_to_numpy(product).tolist())
