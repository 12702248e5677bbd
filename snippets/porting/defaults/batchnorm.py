import keras
import numpy as np
import torch

x = np.array([[1.0], [2.0], [3.0], [6.0]], dtype="float32")  # mean 3

torch_bn = torch.nn.BatchNorm1d(1)  # training mode by default
torch_bn(torch.from_numpy(x))  # one training step
keras_bn = keras.layers.BatchNormalization()
keras_bn(x, training=True)  # one training step

print("momentum  torch:", torch_bn.momentum, " keras:", keras_bn.momentum)
print("epsilon   torch:", torch_bn.eps, " keras:", keras_bn.epsilon)
mean_t = torch_bn.running_mean.item()
mean_k = keras_bn.moving_mean.numpy().item()
print(f"running mean after one step  torch: {mean_t:.2f}  keras: {mean_k:.2f}")
var_t = torch_bn.running_var.item()
var_k = keras_bn.moving_variance.numpy().item()
print(f"running var after one step   torch: {var_t:.3f}  keras: {var_k:.3f}")
print(f"batch variance  unbiased: {x.var(ddof=1):.3f}  biased: {x.var():.3f}")
