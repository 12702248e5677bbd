import numpy as np
import tensorflow as tf
from ai_edge_litert.interpreter import Interpreter

w1 = tf.random.stateless_normal((64, 256), seed=(0, 0))
w2 = tf.random.stateless_normal((256, 4), seed=(1, 0))


@tf.function(input_signature=[tf.TensorSpec([1, 64], tf.float32)])
def model(x):
    return tf.matmul(tf.nn.relu(tf.matmul(x, w1)), w2)


# The converter takes a SavedModel, a Keras model or concrete functions.
converter = tf.lite.TFLiteConverter.from_concrete_functions([model.get_concrete_function()], model)
plain = converter.convert()
converter.optimizations = [tf.lite.Optimize.DEFAULT]  # store the weights as int8
quantized = converter.convert()
print(f"float32 model: {len(plain) // 1024} KiB, int8 weights: {len(quantized) // 1024} KiB")

x = tf.random.stateless_uniform((1, 64), seed=(2, 0))
expected = model(x).numpy()
for name, flatbuffer, tolerance in (("float32", plain, 1e-5), ("int8", quantized, 0.05)):
    interpreter = Interpreter(model_content=flatbuffer)
    interpreter.allocate_tensors()
    interpreter.set_tensor(interpreter.get_input_details()[0]["index"], x.numpy())
    interpreter.invoke()
    out = interpreter.get_tensor(interpreter.get_output_details()[0]["index"])
    relative_error = np.abs(out - expected).max() / np.abs(expected).max()
    assert relative_error < tolerance, (name, relative_error)
    print(f"{name}: relative error below {tolerance:g}")
