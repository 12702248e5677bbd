import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import tempfile
import warnings

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
model(keras.ops.ones((1, 4)))  # export needs a model that has run once

# The batch dimension is None (dynamic): Keras uses TorchScript's exporter.
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.onnx")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.export(path, format="onnx", verbose=False)
print(caught[0].category.__name__, "from torch.onnx.export:")
for sentence in str(caught[0].message).split(". ")[:2]:
    print(sentence)
