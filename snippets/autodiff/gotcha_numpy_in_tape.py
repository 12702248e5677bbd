import numpy as np
import tensorflow as tf

w = tf.Variable(2.0)
with tf.GradientTape(persistent=True) as tape:
    through_numpy = tf.constant(np.square(w.numpy()))  # a new constant
    through_tf = tf.square(w)
print("through NumPy:", tape.gradient(through_numpy, w))
print("through tf.square:", float(tape.gradient(through_tf, w)))
