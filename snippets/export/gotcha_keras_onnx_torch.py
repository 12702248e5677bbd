import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import logging
import tempfile
import warnings

import keras

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
model(keras.ops.ones((1, 4)))  # export needs a model that has run once

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.onnx")
    # The batch dimension is None (dynamic): Keras uses TorchScript's
    # exporter.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model.export(path, format="onnx", verbose=False)
    print(caught[0].category.__name__, "from torch.onnx.export:")
    for sentence in str(caught[0].message).split(". ")[:2]:
        print(sentence)

    # A fixed batch size: Keras takes the torch.export-based exporter (which
    # logs a note per torchvision op when torchvision is not installed).
    fixed = [keras.InputSpec(shape=(8, 4), dtype="float32")]
    onnx_log = logging.getLogger("torch.onnx")
    level = onnx_log.level
    onnx_log.setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model.export(path, "onnx", input_signature=fixed, verbose=False)
    finally:
        onnx_log.setLevel(level)
    print("fixed batch size, warnings:", len(caught))
