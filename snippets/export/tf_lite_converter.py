import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

# Full float32 matmuls, for an exact comparison (no TF32 on NVIDIA GPUs).
tf.config.experimental.enable_tensor_float_32_execution(False)


class MLP(tf.Module):
    def __init__(self):
        super().__init__()
        w1 = tf.random.stateless_normal((64, 256), seed=(0, 0))
        w2 = tf.random.stateless_normal((256, 4), seed=(1, 0))
        self.w1, self.w2 = tf.Variable(w1), tf.Variable(w2)

    @tf.function(input_signature=[tf.TensorSpec([1, 64], tf.float32)])
    def __call__(self, x):
        return tf.matmul(tf.nn.relu(tf.matmul(x, self.w1)), self.w2)


model = MLP()
# The converter takes a SavedModel, a Keras model, or concrete functions
# with the module that owns their variables.
concrete = [model.__call__.get_concrete_function()]
Converter = tf.lite.TFLiteConverter
plain = Converter.from_concrete_functions(concrete, model).convert()
converter = Converter.from_concrete_functions(concrete, model)
converter.optimizations = [tf.lite.Optimize.DEFAULT]  # int8 weights
quantized = converter.convert()
plain_kib, int8_kib = len(plain) // 1024, len(quantized) // 1024
print(f"float32 model: {plain_kib} KiB, int8 weights: {int8_kib} KiB")

x = tf.random.stateless_uniform((1, 64), seed=(2, 0))
expected = model(x).numpy()
for name, flatbuffer, tolerance in [
    ("float32", plain, 1e-5),
    ("int8", quantized, 0.05),
]:
    interpreter = Interpreter(model_content=flatbuffer)
    run = interpreter.get_signature_runner()
    (out,) = run(x=x.numpy()).values()
    error = np.abs(out - expected).max() / np.abs(expected).max()
    assert error < tolerance, (name, error)
    print(f"{name}: relative error below {tolerance:g}")
