import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"


# 1. Define the model: a Python class whose forward() is plain Python.
class SimpleNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer1 = nn.Linear(784, 128)  # input 784, hidden 128
        self.activation = nn.ReLU()
        self.layer2 = nn.Linear(128, 10)  # hidden 128, output 10

    def forward(self, x):
        return self.layer2(self.activation(self.layer1(x)))


# Dummy data: 64 samples of 784 features, the same arrays as the Keras tab.
rng = np.random.default_rng(0)
inputs = torch.from_numpy(rng.random((64, 784), dtype=np.float32))
labels = torch.from_numpy(rng.integers(0, 10, size=64))
inputs, labels = inputs.to(device), labels.to(device)

# 2. Model, loss and optimizer.
model = SimpleNet().to(device)
criterion = nn.CrossEntropyLoss()  # takes logits: no softmax in the model
optimizer = torch.optim.SGD(model.parameters(), lr=0.01)

# 3. The training loop is yours to write.
losses = []
for epoch in range(2):
    optimizer.zero_grad()  # clear old gradients
    loss = criterion(model(inputs), labels)  # forward pass
    loss.backward()  # backpropagation
    optimizer.step()  # update the weights
    losses.append(loss.item())
    print(f"epoch {epoch + 1}: loss {losses[-1]:.4f}")

assert losses[1] < losses[0], "the loss should go down"
