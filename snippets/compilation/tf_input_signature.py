import tensorflow as tf


# None: any length. One trace serves every shape the signature allows.
@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
def double(x):
    return x * 2


for n in [2, 3, 4, 5]:
    double(tf.ones(n))
print("lengths 2, 3, 4, 5 -> traces:", double.experimental_get_tracing_count())
