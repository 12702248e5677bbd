import keras
import numpy as np
import torch

torch.manual_seed(0)
keras.utils.set_random_seed(0)
x = np.ones((1, 1000), "float32")
model_t = torch.nn.Sequential(torch.nn.Dropout(0.5))
model_k = keras.Sequential([keras.Input((1000,)), keras.layers.Dropout(0.5)])


def seen(y):  # the distinct values, and the share of zeros
    y = np.asarray(y).ravel()
    zeros = np.mean(y == 0)
    return f"values {sorted(set(y.tolist()))}, share of zeros {zeros:.1f}"


with torch.no_grad():
    print("new model  torch model(x):", seen(model_t(torch.from_numpy(x))))
    print("           keras model(x):", seen(model_k(x)))
    model_t.eval()
    print("torch after model.eval(): ", seen(model_t(torch.from_numpy(x))))
    print("keras model(x, training=True):", seen(model_k(x, training=True)))
