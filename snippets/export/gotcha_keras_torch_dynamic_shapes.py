import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import torch

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
x = torch.rand(3, 4)
batch = torch.export.Dim("batch")

# forward(*args): the model's one argument is a tuple of the inputs.
try:
    torch.export.export(model, (x,), dynamic_shapes=({0: batch},))
except torch._dynamo.exc.UserError as error:
    print(type(error).__name__, "for", "({0: batch},)")
shapes = (({0: batch},),)
program = torch.export.export(model, (x,), dynamic_shapes=shapes)
out = program.module()(torch.rand(5, 4))
print("(({0: batch},),) exports; a batch of 5 gives", tuple(out.shape))
