import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import numpy as np
import torch

keras.utils.set_random_seed(0)

# The Keras model of the Side by side page, unchanged: Keras 3 runs it on
# PyTorch.
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10),
    ]
)
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)

rng = np.random.default_rng(0)
inputs = rng.random((64, 784), dtype=np.float32)
labels = rng.integers(0, 10, size=64)
model.fit(inputs, labels, epochs=2, batch_size=64, verbose=0)

print("backend:", keras.backend.backend())
# The weights are torch tensors (on the GPU when there is one).
kernel = model.layers[0].kernel.value
print("weights are a torch.Tensor:", isinstance(kernel, torch.Tensor))
print("the model is a torch.nn.Module:", isinstance(model, torch.nn.Module))
