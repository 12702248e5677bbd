import keras
import numpy as np
import torch

logits = np.array([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], "float32")
labels = np.array([0, 2])

torch_loss = torch.nn.CrossEntropyLoss()
value_t = torch_loss(torch.from_numpy(logits), torch.from_numpy(labels))
print(
    f"torch CrossEntropyLoss()  reduction={torch_loss.reduction!r}"
    f"  on logits: {value_t.item():.4f}"
)
keras_loss = keras.losses.SparseCategoricalCrossentropy()
config = keras_loss.get_config()
print(
    f"keras SparseCategoricalCrossentropy()  from_logits="
    f"{config['from_logits']}  reduction={config['reduction']!r}"
)
print(f"  on logits: {keras_loss(labels, logits).numpy():.4f}")
probabilities = keras.ops.softmax(logits)
print(f"  on softmax(logits): {keras_loss(labels, probabilities).numpy():.4f}")
on_logits = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
print(f"  from_logits=True on logits: {on_logits(labels, logits).numpy():.4f}")
