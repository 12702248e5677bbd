import numpy as np
import torch
from torch import nn

torch.manual_seed(0)
# The GPU (CUDA, ROCm, Apple MPS, Intel XPU...) when there is one, else CPU.
device = torch.accelerator.current_accelerator(check_available=True)
device = device or torch.device("cpu")


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
for _ in range(2):  # 2 epochs of one batch: the 64 samples
    optimizer.zero_grad()  # clear old gradients
    loss = criterion(model(inputs), labels)  # forward pass
    loss.backward()  # backpropagation
    optimizer.step()  # update the weights
    # detach() keeps the value on the device: no wait for the GPU here.
    losses.append(loss.detach())

losses = torch.stack(losses).tolist()  # one copy to the CPU, at the end
for epoch, value in enumerate(losses, start=1):
    print(f"epoch {epoch}: loss {value:.4f}")
assert losses[1] < losses[0], "the loss should go down"
