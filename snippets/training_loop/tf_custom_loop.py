import os

# The loop uses TensorFlow's tape and tf.function: set the backend before
# the first `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)

# 512 points in 20 dimensions; the label says on which side of a fixed
# plane each lies.
rng = np.random.default_rng(0)
features = rng.normal(size=(512, 20)).astype("float32")
labels = (features @ rng.normal(size=20) > 0).astype("int64")
dataset = (
    tf.data.Dataset.from_tensor_slices((features, labels))
    .shuffle(512)
    .batch(64)
    .prefetch(tf.data.AUTOTUNE)
)

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(2),
    ]
)
loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
optimizer = keras.optimizers.Adam(learning_rate=1e-2)


# Traced into a graph on the first call, then run without Python.
@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x, training=True))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply(grads, model.trainable_variables)
    return loss


epoch_losses = []
for _ in range(5):
    mean_loss = keras.metrics.Mean()
    for x, y in dataset:  # the dataset reshuffles on every pass
        mean_loss.update_state(train_step(x, y))
    epoch_losses.append(float(mean_loss.result()))

predictions = tf.argmax(model(features), axis=1)
accuracy = float(tf.reduce_mean(tf.cast(predictions == labels, tf.float32)))
print("loss went down:", epoch_losses[-1] < epoch_losses[0])
print("accuracy above 0.9:", accuracy > 0.9)
