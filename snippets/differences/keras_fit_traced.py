import os

# This example is about the TensorFlow backend: it asks TensorFlow itself.
os.environ["KERAS_BACKEND"] = "tensorflow"  # before the first `import keras`

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
    model.fit(inputs, targets, verbose=0)
    in_fit = seen[-1]
    model.evaluate(inputs, targets, verbose=0)
    in_evaluate = seen[-1]
    model.predict(inputs, verbose=0)
    in_predict = seen[-1]
    print(f"run_eagerly={run_eagerly}: eager inside fit, evaluate, predict:")
    print("   ", in_fit, in_evaluate, in_predict)
