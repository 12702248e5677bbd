import tensorflow as tf


@tf.function(jit_compile=True)
def lengths(words):
    return tf.strings.length(words)  # strings: XLA cannot compile them


try:
    lengths(tf.constant(["compile", "me"]))
except tf.errors.InvalidArgumentError as error:
    found = "Detected unsupported operations" in error.message
    print(type(error).__name__, "| unsupported operations:", found)
