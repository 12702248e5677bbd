import numpy as np
import tensorflow as tf

array = np.zeros(3, dtype=np.float32)
# A copy: later changes to the array do not show.
t = tf.convert_to_tensor(array)
array[0] = 1
print("convert_to_tensor:", t.numpy())

# .numpy() gives you an array you may write to without touching the tensor.
result = t.numpy()
result[1] = 5
print("tensor after writing to numpy():", t.numpy())

# NumPy functions accept tensors (and return arrays); TF ops accept arrays.
print("np.add(tensor, 1):", type(np.add(t, 1)).__name__)
print("tf.add(array, 1): ", type(tf.add(array, 1)).__name__)
