import keras
import numpy as np
import torch

x = np.array([[0.0, 0.01, 0.02, 0.03]], dtype="float32")  # tiny spread

torch_ln = torch.nn.LayerNorm(4)
keras_ln = keras.layers.LayerNormalization()
keras_ln_5 = keras.layers.LayerNormalization(epsilon=1e-5)
print("epsilon  torch:", torch_ln.eps, " keras:", keras_ln.epsilon)
out_t = torch_ln(torch.from_numpy(x)).detach().numpy()
print("torch:         ", out_t.round(3))
print("keras:         ", keras.ops.convert_to_numpy(keras_ln(x)).round(3))
print("keras eps=1e-5:", keras.ops.convert_to_numpy(keras_ln_5(x)).round(3))
