import warnings

import keras
import numpy as np
import torch

x = np.random.default_rng(0).normal(size=(2, 5, 3)).astype("float32")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    lstm_t = torch.nn.LSTM(3, 4, dropout=0.5, batch_first=True)
print("torch LSTM(dropout=0.5), one layer, warns:")
print(" ", str(caught[0].message).split(", but")[0])
with torch.no_grad():
    train_out = lstm_t(torch.from_numpy(x))[0]
    eval_out = lstm_t.eval()(torch.from_numpy(x))[0]
print("  training output == eval output:", torch.equal(train_out, eval_out))

keras.utils.set_random_seed(0)
lstm_k = keras.layers.LSTM(4, dropout=0.5)  # drops inputs at every step
train_out = keras.ops.convert_to_numpy(lstm_k(x, training=True))
eval_out = keras.ops.convert_to_numpy(lstm_k(x, training=False))
print("keras LSTM(dropout=0.5): training output == eval output:", end=" ")
print(bool(np.array_equal(train_out, eval_out)))
