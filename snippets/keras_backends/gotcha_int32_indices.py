import os

os.environ["KERAS_BACKEND"] = "torch"  # before the first `import keras`

import keras
import torch

labels = keras.ops.arange(3)  # a torch.Tensor, with Keras's integer dtype
print("keras.ops:", labels.dtype, "| torch:", torch.arange(3).dtype)
logits = torch.zeros(3, 5, device=labels.device)
try:
    torch.nn.functional.cross_entropy(logits, labels)
except RuntimeError as error:
    print("RuntimeError:", error)
loss = torch.nn.functional.cross_entropy(logits, labels.long())
print("after .long():", round(loss.item(), 4))
