import keras
import numpy as np

# The functional API: call layers on symbolic inputs to draw the graph, then wrap it in a Model.
inputs = keras.Input(shape=(64,))
h = keras.layers.Dense(32, activation="relu")(inputs)
skip = keras.layers.Dense(32, activation="relu")(h)
h = keras.layers.Add()([h, skip])  # skip connection
outputs = keras.layers.Dense(10)(h)
model = keras.Model(inputs, outputs)

print("parameters:", model.count_params())
print("output shape:", model.output.shape)  # known before any data: None is the batch
print("output:", tuple(model(np.random.rand(5, 64)).shape))

# Any node of the graph can be an output: a feature extractor sharing the same weights.
features = keras.Model(inputs, h)
print("features:", tuple(features(np.random.rand(5, 64)).shape))
