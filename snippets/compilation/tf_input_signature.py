import tensorflow as tf


@tf.function  # one trace per new shape
def double(x):
    return x * 2


# After the second shape, one trace with a None dimension serves the rest.
@tf.function(reduce_retracing=True)
def double_relaxed(x):
    return x * 2


# None: any length. One trace serves every shape the signature allows.
@tf.function(input_signature=[tf.TensorSpec([None], tf.float32)])
def double_signed(x):
    return x * 2


for n in [2, 3, 4, 5]:
    for function in [double, double_relaxed, double_signed]:
        function(tf.ones(n))
print("lengths 2, 3, 4, 5 -> traces:")
print("  tf.function:", double.experimental_get_tracing_count())
print(
    "  reduce_retracing=True:", double_relaxed.experimental_get_tracing_count()
)
print("  input_signature:", double_signed.experimental_get_tracing_count())
graph = double_relaxed.get_concrete_function(tf.ones(6))
print("reduce_retracing's graph takes shape:", graph.inputs[0].shape)
