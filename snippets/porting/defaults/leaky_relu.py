import keras
import tensorflow as tf
import torch

x = [-1.0]  # the output is the negative slope
torch_layer = torch.nn.LeakyReLU()(torch.tensor(x))
print(f"torch.nn.LeakyReLU():          {torch_layer.item():.2f}")
keras_layer = keras.layers.LeakyReLU()(keras.ops.array(x))
print(f"keras.layers.LeakyReLU():      {float(keras_layer[0]):.2f}")
keras_function = keras.activations.leaky_relu(keras.ops.array(x))
print(f"keras.activations.leaky_relu:  {float(keras_function[0]):.2f}")
keras_op = keras.ops.leaky_relu(keras.ops.array(x))
print(f"keras.ops.leaky_relu:          {float(keras_op[0]):.2f}")
print(f"tf.nn.leaky_relu:              {float(tf.nn.leaky_relu(x)[0]):.2f}")
