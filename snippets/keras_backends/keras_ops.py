import keras
import numpy as np
from keras import ops

# keras.ops follows NumPy's names and semantics, and returns the backend's own tensors.
x = ops.arange(6)
print("arange:", ops.dtype(x), "| type:", type(x).__name__)
y = ops.reshape(ops.cast(x, "float32"), (2, 3))
row_sums = ops.sum(ops.softmax(y, axis=-1), axis=-1)
print("softmax rows sum to:", ops.convert_to_numpy(row_sums).round(4).tolist())
print("matmul:", ops.convert_to_numpy(ops.matmul(y, ops.transpose(y))).tolist())

# Dtypes are Keras' own rules, the same on every backend (NumPy would give int64 here).
print("NumPy arange:", np.arange(6).dtype, "| keras.ops arange:", ops.dtype(ops.arange(6)))
print("backend:", keras.config.backend())
