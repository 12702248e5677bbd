import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

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

# On the PyTorch backend a Keras model is a torch.nn.Module, so
# torch.export takes it. Its forward(*args) gets the inputs as one tuple:
# hence the extra level in dynamic_shapes.
batch = torch.export.Dim("batch")
shapes = (({0: batch},),)
program = torch.export.export(model, (x,), dynamic_shapes=shapes)
torch.export.save(program, "keras_model.pt2")

# The reloaded program runs without Keras.
loaded = torch.export.load("keras_model.pt2").module()
for inputs in (x, torch.rand(5, 4)):
    torch.testing.assert_close(loaded(inputs), model(inputs))
print("reloaded program matches the Keras model")
