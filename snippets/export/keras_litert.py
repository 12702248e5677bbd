import keras
import numpy as np
from ai_edge_litert.interpreter import Interpreter

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(4,), name="features"),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(2),
    ]
)
x = np.random.rand(3, 4).astype("float32")

# One call converts to a LiteRT (formerly TensorFlow Lite) flatbuffer,
# for phones and embedded devices.
model.export("model.tflite", format="litert", verbose=False)

# Run it with LiteRT's interpreter (package ai-edge-litert).
interpreter = Interpreter(model_path="model.tflite")
print("signatures:", interpreter.get_signature_list())
run = interpreter.get_signature_runner()
out = run(features=x)["output_0"]
expected = model.predict(x, verbose=0)
np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
print("LiteRT matches Keras")
