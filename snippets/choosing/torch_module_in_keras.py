import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import numpy as np
import torch

keras.utils.set_random_seed(0)

# A plain PyTorch module, used as a Keras layer: its weights are trained
# by Keras' fit(), like those of any Keras layer.
torch_layer = keras.layers.TorchModuleWrapper(torch.nn.Linear(4, 8))
model = keras.Sequential(
    [keras.Input(shape=(4,)), torch_layer, keras.layers.Dense(1)]
)
model.compile(optimizer="adam", loss="mse")

rng = np.random.default_rng(0)
x = rng.random((64, 4), dtype=np.float32)
y = x.sum(axis=1, keepdims=True)
before = torch_layer.module.weight.detach().clone()
history = model.fit(x, y, epochs=5, verbose=0)

print(
    "torch weights trained by fit():",
    not torch.equal(before, torch_layer.module.weight.detach()),
)
print(
    "loss went down:", history.history["loss"][-1] < history.history["loss"][0]
)
