import tensorflow as tf

# TensorFlow 2 also runs eagerly by default: no session, no graph to build first.
print("executing eagerly:", tf.executing_eagerly())
x = tf.constant([1.0, 2.0, 3.0])
print((x * 2).numpy())


# Inside tf.function the code is traced into a graph, and eager execution is off.
@tf.function
def double(t):
    print(
        "executing eagerly inside tf.function:", tf.executing_eagerly()
    )  # runs once, while tracing
    return t * 2


double(x)
