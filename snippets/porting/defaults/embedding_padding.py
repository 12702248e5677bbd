import keras
import numpy as np
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)
tokens = np.array([[3, 1, 0, 0]])  # 0 pads the sequence

embed_t = torch.nn.Embedding(5, 3, padding_idx=0)
print("torch padding_idx=0, row 0:", embed_t.weight[0].tolist())
embed_t(torch.from_numpy(tokens)).sum().backward()
print("  its gradient:", embed_t.weight.grad[0].tolist())

embed_k = keras.layers.Embedding(5, 3, mask_zero=True)
embed_k(tokens)
row = keras.ops.convert_to_numpy(embed_k.embeddings[0])
print("keras mask_zero=True, row 0 is zero:", bool(np.all(row == 0)))
mask = keras.ops.convert_to_numpy(embed_k.compute_mask(tokens))
print("  it masks the next layers instead:", mask.tolist())
