import keras
import numpy as np
import tensorflow as tf
import torch

# On recent NVIDIA GPUs TensorFlow's LSTM and GRU round float32 to TF32:
# off, so that a correct copy agrees to float32 precision.
tf.config.experimental.enable_tensor_float_32_execution(False)

torch.manual_seed(0)
lstm_t = torch.nn.LSTM(input_size=3, hidden_size=4)
lstm_k = keras.layers.LSTM(4, return_sequences=True)
lstm_k.build((None, None, 3))
print("torch:", {n: tuple(p.shape) for n, p in lstm_t.named_parameters()})
print("keras:", {w.name: tuple(w.shape) for w in lstm_k.weights})
w_ih, w_hh, b_ih, b_hh = (p.detach().numpy() for p in lstm_t.parameters())
print(
    "forget-gate bias  torch:",
    (b_ih + b_hh)[4:8].round(2),
    " keras:",
    lstm_k.weights[2].numpy()[4:8],
)
print("keras return_sequences default:", keras.layers.LSTM(4).return_sequences)

# Gate order i, f, g (c), o in both: transpose, add the two biases
lstm_k.set_weights([w_ih.T, w_hh.T, b_ih + b_hh])
x = np.random.default_rng(0).normal(size=(2, 5, 3)).astype("float32")
print("torch batch_first:", lstm_t.batch_first, "-> input (time, batch, 3)")
out_t, _ = lstm_t(torch.from_numpy(x).transpose(0, 1))
out_t = out_t.transpose(0, 1).detach().numpy()
out_k = keras.ops.convert_to_numpy(lstm_k(x))
print("keras input", x.shape, "(batch, time, 3) -> output", out_k.shape)
gap = np.abs(out_t - out_k).max()
print(f"max |torch - keras| after the copy: {gap:.1e}")
assert gap < 1e-5
