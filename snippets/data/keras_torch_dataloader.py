import os

# Set before the first `import keras`.
os.environ["KERAS_BACKEND"] = "torch"

import keras
import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset

keras.utils.set_random_seed(0)

digits = load_digits()
features = torch.tensor(digits.data, dtype=torch.float32) / 16.0
labels = torch.tensor(digits.target)
dataset = TensorDataset(features, labels)
loader = DataLoader(dataset, batch_size=128, shuffle=True)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=3e-2),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
# Keras's fit() takes a torch DataLoader as it is. The loader shuffles:
# shuffle=False, since fit()'s default shuffle=True would warn.
model.fit(loader, epochs=3, shuffle=False, verbose=0)
loss, accuracy = model.evaluate(loader, verbose=0)
print("training accuracy above 0.9:", accuracy > 0.9)
