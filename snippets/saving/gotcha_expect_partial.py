import os

# tf.train.Checkpoint saves TensorFlow variables: Keras on TensorFlow.
os.environ["KERAS_BACKEND"] = "tensorflow"

import gc
import os
import tempfile
import unittest

import keras
import tensorflow as tf

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
optimizer = keras.optimizers.Adam()
optimizer.build(model.trainable_variables)

with tempfile.TemporaryDirectory() as folder:
    path = tf.train.Checkpoint(model=model, optimizer=optimizer).save(
        os.path.join(folder, "ckpt")
    )
    # Restore the model only: the optimizer's values stay in the file.
    with unittest.TestCase().assertLogs("tensorflow") as logs:
        tf.train.Checkpoint(model=model).restore(path)
        gc.collect()
    print(logs.output[0].split(". ")[0])

    status = tf.train.Checkpoint(model=model).restore(path)
    status.expect_partial()  # you meant it: nothing is logged
    print("restored the model only")
