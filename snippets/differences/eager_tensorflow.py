import tensorflow as tf

# TensorFlow 2 runs eagerly by default too: no session, no graph first.
print("executing eagerly:", tf.executing_eagerly())
x = tf.constant([1.0, 2.0, 3.0])
print((x * 2).numpy())


# Inside tf.function the code is traced into a graph: eager is off there.
@tf.function
def double(t):
    # This Python print runs once, while TensorFlow traces the function.
    print("executing eagerly inside tf.function:", tf.executing_eagerly())
    return t * 2


double(x)
