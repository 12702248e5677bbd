import warnings

import tensorflow as tf


class Doubler(tf.Module):
    @tf.function(input_signature=[tf.TensorSpec([1, 2], tf.float32)])
    def __call__(self, x):
        return x * 2


module = Doubler()
concrete = [module.__call__.get_concrete_function()]
converter = tf.lite.TFLiteConverter.from_concrete_functions(concrete, module)
flatbuffer = converter.convert()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    tf.lite.Interpreter(model_content=flatbuffer)
(warning,) = [w for w in caught if "tf.lite.Interpreter" in str(w.message)]
message = " ".join(str(warning.message).split())
print(warning.category.__name__, "|", message.split(". ")[0])
