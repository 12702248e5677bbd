import keras
import numpy as np
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)
embedding_t = torch.nn.Embedding(1000, 64)
embedding_k = keras.layers.Embedding(1000, 64)
embedding_k.build()

w_t = embedding_t.weight.detach().numpy()
w_k = embedding_k.embeddings.numpy()
print(
    f"torch Embedding  mean {w_t.mean():+.3f}  std {w_t.std():.3f}"
    f"  |w| max {np.abs(w_t).max():.3f}"
)
print(
    f"keras Embedding  mean {w_k.mean():+.3f}  std {w_k.std():.3f}"
    f"  |w| max {np.abs(w_k).max():.3f}"
)
