import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import numpy as np
import torch

keras.utils.set_random_seed(0)

# The Side by side page's Keras model, unchanged: Keras 3 runs it on PyTorch.
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        keras.layers.Dense(128, activation="relu"),
        keras.layers.Dense(10, activation="softmax"),
    ]
)
model.compile(
    optimizer="sgd",
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

inputs = np.random.rand(64, 784).astype("float32")
labels = np.random.randint(0, 10, size=(64,))
model.fit(inputs, labels, epochs=2, batch_size=64, verbose=0)

print("backend:", keras.backend.backend())
# The weights are torch tensors, on the GPU when there is one.
kernel = model.layers[0].kernel.value
print("weights are a torch.Tensor:", isinstance(kernel, torch.Tensor))
print("is a torch.nn.Module:", isinstance(model, torch.nn.Module))
