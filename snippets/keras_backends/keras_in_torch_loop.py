import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)

# On the PyTorch backend a Keras model is a torch.nn.Module: .parameters(),
# torch.optim, torch losses and a hand-written loop all work on it.
model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(16, activation="relu"),
        keras.layers.Dense(1),
    ]
)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
loss_fn = torch.nn.MSELoss()

# Keras moves what the model is called on to its device (the GPU when there
# is one); the targets are yours to move: make both on the model's device.
device = next(model.parameters()).device
x = torch.randn(64, 8, device=device)
y = x.sum(dim=1, keepdim=True)
losses = []
for _ in range(50):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    losses.append(loss.detach())  # no .item() here: it waits for the GPU

losses = torch.stack(losses).tolist()
print("parameters seen by torch:", sum(p.numel() for p in model.parameters()))
print(f"loss {losses[0]:.2f} -> {losses[-1]:.2f}")
assert losses[-1] < losses[0] / 2, "the loss should go down"
