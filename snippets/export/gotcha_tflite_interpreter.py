import warnings

import tensorflow as tf


class Doubler(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([1, 2], tf.float32)])
    def __call__(self, x):
        return x * 2


module = Doubler()
concrete = [module.__call__.get_concrete_function()]
converter = tf.lite.TFLiteConverter.from_concrete_functions(concrete, module)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tf.lite.Interpreter(model_content=converter.convert())
message = " ".join(str(caught[0].message).split())
print(caught[0].category.__name__, "|", message.split(". ")[0])
