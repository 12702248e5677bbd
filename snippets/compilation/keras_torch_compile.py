import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import numpy as np
import torch

keras.utils.set_random_seed(0)
model = keras.Sequential(
    [
        keras.Input(shape=(16,)),
        keras.layers.Dense(32, "relu"),
        keras.layers.Dense(1),
    ]
)

# On the PyTorch backend, jit_compile="auto" means eager; jit_compile=True
# wraps the train, test and predict steps in torch.compile.
model.compile(optimizer="sgd", loss="mse")
print("compiled by default:", model.jit_compile)

# A Keras model is a torch.nn.Module, so torch.compile takes it directly
# (Inductor, the default backend).
compiled = torch.compile(model)
x = torch.from_numpy(np.random.rand(8, 16).astype("float32"))
torch.testing.assert_close(compiled(x), model(x))
print("torch.compile(keras_model) matches eager")
