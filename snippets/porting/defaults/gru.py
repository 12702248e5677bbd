import keras
import numpy as np
import tensorflow as tf
import torch

# On recent NVIDIA GPUs TensorFlow's LSTM and GRU round float32 to TF32:
# off, so that a correct copy agrees to float32 precision.
tf.config.experimental.enable_tensor_float_32_execution(False)

torch.manual_seed(0)
gru_t = torch.nn.GRU(input_size=3, hidden_size=4, batch_first=True)
gru_k = keras.layers.GRU(4, return_sequences=True)
gru_k.build((None, None, 3))
print("torch:", {n: tuple(p.shape) for n, p in gru_t.named_parameters()})
print(
    "keras:",
    {w.name: tuple(w.shape) for w in gru_k.weights},
    " reset_after:",
    gru_k.reset_after,
)


def r_z_n_to_z_r_n(w):  # torch stacks gates r, z, n; Keras z, r, h
    r, z, n = np.split(w, 3, axis=0)
    return np.concatenate([z, r, n], axis=0)


w_ih, w_hh, b_ih, b_hh = (p.detach().numpy() for p in gru_t.parameters())
x = np.random.default_rng(0).normal(size=(2, 5, 3)).astype("float32")
out_t = gru_t(torch.from_numpy(x))[0].detach().numpy()
for label, reorder in [
    ("as stored", lambda w: w),
    ("reordered", r_z_n_to_z_r_n),
]:
    gru_k.set_weights(
        [
            reorder(w_ih).T,
            reorder(w_hh).T,
            np.stack([reorder(b_ih), reorder(b_hh)]),
        ]
    )
    out_k = keras.ops.convert_to_numpy(gru_k(x))
    gap = np.abs(out_t - out_k).max()
    print(f"gates {label}: max |torch - keras| {gap:.1e}")
assert gap < 1e-5  # the reordered copy
