import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import tempfile

import keras
import torch

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(2),
    ]
)
x = torch.rand(3, 4)

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "keras_model.pt2")
    # format="torch" runs torch.export: a .pt2 program, as for any
    # nn.Module. dynamic_shapes names the dimensions of the first input.
    batch = torch.export.Dim("batch")
    model.export(
        path, format="torch", dynamic_shapes={0: batch}, verbose=False
    )

    # The reloaded program runs without Keras.
    loaded = torch.export.load(path).module()
for inputs in (x, torch.rand(5, 4)):
    torch.testing.assert_close(loaded(inputs), model(inputs))
print("reloaded program matches the Keras model")
