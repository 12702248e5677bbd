import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter


class Linear(tf.Module):
    def __init__(self):
        super().__init__()
        self.w = tf.Variable(tf.random.stateless_normal((8, 4), seed=(0, 0)))

    @tf.function(input_signature=[tf.TensorSpec([1, 8], tf.float32)])
    def __call__(self, x):
        return x @ self.w


def representative_data():
    rng = np.random.default_rng(0)
    for _ in range(10):
        yield [rng.random((1, 8), dtype="float32")]


model = Linear()
concrete = [model.__call__.get_concrete_function()]
converter = tf.lite.TFLiteConverter.from_concrete_functions(concrete, model)
converter.optimizations = [tf.lite.Optimize.DEFAULT]
# Integer-only ops, for hardware without float units (Edge TPU, MCUs):
converter.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
try:
    converter.convert()
except ValueError as error:
    print("ValueError:", error)

converter.representative_dataset = representative_data
interpreter = Interpreter(model_content=converter.convert())
tensors = interpreter.get_tensor_details()
print("int8 tensors:", sum(t["dtype"] is np.int8 for t in tensors))
print("input:", interpreter.get_input_details()[0]["dtype"].__name__)
