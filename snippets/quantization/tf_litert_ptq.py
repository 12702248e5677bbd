import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

# The float32 reference below must not use TF32 on a GPU (faster
# float32 matmuls with fewer mantissa bits), or it is less exact than LiteRT.
tf.config.experimental.enable_tensor_float_32_execution(False)
rng = np.random.default_rng(0)


class MLP(tf.Module):
    def __init__(self):
        super().__init__()
        self.w1 = tf.Variable(rng.normal(0, 0.1, (64, 256)), dtype=tf.float32)
        self.b1 = tf.Variable(rng.normal(0, 0.1, 256), dtype=tf.float32)
        self.w2 = tf.Variable(rng.normal(0, 0.1, (256, 10)), dtype=tf.float32)
        self.b2 = tf.Variable(rng.normal(0, 0.1, 10), dtype=tf.float32)

    @tf.function(input_signature=[tf.TensorSpec([1, 64], tf.float32)])
    def __call__(self, x):
        hidden = tf.nn.relu(x @ self.w1 + self.b1)
        return hidden @ self.w2 + self.b2


model = MLP()
samples = rng.random((100, 1, 64), dtype="float32")


def representative_data():  # calibration: the ranges of the activations
    for sample in samples:
        yield [sample]


def convert(optimize, calibrate):
    concrete = [model.__call__.get_concrete_function()]
    converter = tf.lite.TFLiteConverter.from_concrete_functions(
        concrete, model
    )
    if optimize:
        converter.optimizations = [tf.lite.Optimize.DEFAULT]
    if calibrate:
        converter.representative_dataset = representative_data
    return converter.convert()


x = rng.random((1, 64), dtype="float32")
expected = model(x).numpy()
for name, optimize, calibrate in [
    ("float32", False, False),
    ("int8 weights", True, False),
    ("int8 weights+activations", True, True),
]:
    flatbuffer = convert(optimize, calibrate)
    run = Interpreter(model_content=flatbuffer).get_signature_runner()
    (out,) = run(x=x).values()
    error = np.abs(out - expected).max() / np.abs(expected).max()
    print(f"{name:<25}{len(flatbuffer):>6} bytes, max abs diff {error:.1%}")
