import os

# Set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch

keras.utils.set_random_seed(0)


class DigitsNet(keras.Model):
    def __init__(self, n_hidden=32, n_classes=10, **kwargs):
        super().__init__(**kwargs)
        self.hidden = keras.layers.Dense(n_hidden, activation="relu")
        self.out = keras.layers.Dense(n_classes)

    def call(self, x):
        return self.out(self.hidden(x))


model = DigitsNet()
x = torch.rand(5, 64)
model(x)  # build the weights

# On the PyTorch backend a Keras model is also a torch.nn.Module...
print("an nn.Module:", isinstance(model, torch.nn.Module))
print("keras count:", model.count_params())
# ...whose parameters() a torch optimizer can take, with the same count.
print("torch count:", sum(p.numel() for p in model.parameters()))
print(
    "kernel layout:", tuple(model.hidden.kernel.shape)
)  # still Keras's (in, out)

optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
optimizer.zero_grad()
loss = model(x).square().mean()
loss.backward()
optimizer.step()
lowered = bool(model(x).square().mean() < loss)
print("a torch optimizer step lowered the loss:", lowered)
