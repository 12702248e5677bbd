import keras
import numpy as np
import tensorflow as tf


class Probe(keras.layers.Layer):
    """Passes its input through and records how it was run."""

    def call(self, x):
        seen.append(tf.executing_eagerly())
        return x


inputs = np.zeros((8, 4), dtype="float32")
targets = np.zeros((8, 1), dtype="float32")
for run_eagerly in (False, True):
    seen = []
    model = keras.Sequential(
        [keras.Input(shape=(4,)), Probe(), keras.layers.Dense(1)]
    )
    model.compile(optimizer="sgd", loss="mse", run_eagerly=run_eagerly)
    model.fit(inputs, targets, epochs=1, verbose=0)
    print(f"run_eagerly={run_eagerly}: eager inside fit: {seen[-1]}")
