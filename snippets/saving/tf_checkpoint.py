import os

# tf.train.Checkpoint saves TensorFlow variables: Keras on TensorFlow.
os.environ["KERAS_BACKEND"] = "tensorflow"

import tempfile

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)


def make_model():
    return keras.Sequential([keras.Input(shape=(8,)), keras.layers.Dense(1)])


model = make_model()
optimizer = keras.optimizers.Adam(learning_rate=1e-2)
step = tf.Variable(0)
x = np.random.rand(16, 8).astype("float32")

# A Checkpoint saves the variables of the objects you name, for custom
# training loops.
with tempfile.TemporaryDirectory() as folder:
    checkpoint = tf.train.Checkpoint(
        model=model, optimizer=optimizer, step=step
    )
    manager = tf.train.CheckpointManager(checkpoint, folder, max_to_keep=2)
    for _ in range(3):
        step.assign_add(1)
        # Numbered ckpt-1, ckpt-2, ckpt-3; only the last two are kept.
        manager.save()
    print("kept:", [os.path.basename(path) for path in manager.checkpoints])

    restored, restored_step = make_model(), tf.Variable(0)
    status = tf.train.Checkpoint(model=restored, step=restored_step).restore(
        manager.latest_checkpoint
    )
    # The optimizer is in the file but not restored: say it is on purpose.
    status.expect_partial()

print("restored step:", int(restored_step))
print("same outputs:", np.array_equal(model(x), restored(x)))
