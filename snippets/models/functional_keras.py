import keras
import numpy as np

# The functional API: call layers on symbolic inputs to draw the graph,
# then wrap it in a Model.
inputs = keras.Input(shape=(64,))
h = keras.layers.Dense(32, activation="relu")(inputs)
residual = keras.layers.Dense(32, activation="relu")(h)
h = keras.layers.Add()([h, residual])  # skip connection
outputs = keras.layers.Dense(10)(h)
model = keras.Model(inputs, outputs)

print("parameters:", model.count_params())
# Known before any data arrives: None is the batch.
print("output shape:", model.output.shape)
print("output:", tuple(model(np.random.rand(5, 64)).shape))

# Any node of the graph can be an output: a feature extractor that shares
# the same weights.
features = keras.Model(inputs, h)
print("features:", tuple(features(np.random.rand(5, 64)).shape))
