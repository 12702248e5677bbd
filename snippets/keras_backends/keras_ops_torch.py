import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import numpy as np
from keras import ops

# keras.ops follows NumPy's names and semantics, and returns the backend's
# own tensors.
x = ops.arange(6)
print("arange:", ops.dtype(x), "| type:", type(x).__name__)
y = ops.reshape(ops.cast(x, "float32"), (2, 3))
row_sums = ops.sum(ops.softmax(y, axis=-1), axis=-1)
row_sums = ops.convert_to_numpy(row_sums).round(4)
print("softmax rows sum to:", row_sums.tolist())
product = ops.matmul(y, ops.transpose(y))
print("matmul:", ops.convert_to_numpy(product).tolist())

# Dtypes follow Keras's own rules, not NumPy's (NumPy gives int64 here).
keras_int = ops.dtype(ops.arange(6))
print("NumPy arange:", np.arange(6).dtype, "| keras.ops arange:", keras_int)
print("backend:", keras.config.backend())
