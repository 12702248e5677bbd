import tensorflow as tf

# Trainable tf.Variables are watched automatically; constants are not.
w = tf.Variable([1.0, 2.0, 3.0])
x = tf.constant([4.0, 5.0, 6.0])

# The tape records the operations run inside the `with` block.
with tf.GradientTape() as tape:
    loss = tf.reduce_sum(w * x) + tf.reduce_sum(w**2)  # d(loss)/dw = x + 2w

# Gradients are returned, not stored on the variables: nothing accumulates.
grad_w, grad_x = tape.gradient(loss, [w, x])
print("dloss/dw:", grad_w.numpy())
print("dloss/dx:", grad_x)  # x was not watched
