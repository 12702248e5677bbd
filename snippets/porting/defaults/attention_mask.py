import keras
import numpy as np
import torch

torch.manual_seed(0)
x = np.random.default_rng(0).normal(size=(1, 3, 4)).astype("float32")
keep = np.array([[True, True, False]])  # (batch, time): step 3 is padding


def same(a, b):
    return bool(np.allclose(a, b, atol=1e-6))


mha_t = torch.nn.MultiheadAttention(embed_dim=4, num_heads=2)
print("torch batch_first:", mha_t.batch_first, "-> (time, batch, features)")
xt = torch.from_numpy(x).transpose(0, 1)
with torch.no_grad():
    out, weights = mha_t(xt, xt, xt)  # weights averaged over the heads
    print("torch returns output", tuple(out.shape), "weights", end=" ")
    print(tuple(weights.shape))
    short = mha_t(xt, xt[:2], xt[:2])[0]  # keys and values: steps 1, 2
    for name, mask in [("keep", keep), ("~keep", ~keep)]:
        out = mha_t(xt, xt, xt, key_padding_mask=torch.from_numpy(mask))[0]
        print(f"torch key_padding_mask={name}: ignores the padding", end=" ")
        print(same(out.numpy(), short.numpy()))
    q = torch.from_numpy(x)  # one head, batch first
    sdpa = torch.nn.functional.scaled_dot_product_attention
    out = sdpa(q, q, q, attn_mask=torch.from_numpy(keep))
    print("torch scaled_dot_product_attention attn_mask=keep:", end=" ")
    print(same(out.numpy(), sdpa(q, q[:, :2], q[:, :2]).numpy()))

mha_k = keras.layers.MultiHeadAttention(num_heads=2, key_dim=2)  # per head
mask = np.broadcast_to(keep[:, None], (1, 3, 3))  # (batch, query, key)
out = keras.ops.convert_to_numpy(mha_k(x, x, attention_mask=mask))
print("keras returns the output only", out.shape)
short = keras.ops.convert_to_numpy(mha_k(x, x[:, :2]))
print("keras attention_mask=keep: ignores the padding", same(out, short))
