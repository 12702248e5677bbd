import os

# The step uses TensorFlow's tape: set the backend before `import keras`.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import numpy as np
import tensorflow as tf

keras.utils.set_random_seed(0)


class StepModel(keras.Model):
    # Your own step; fit() still batches, shuffles, compiles and runs
    # callbacks around it.
    def train_step(self, data):
        x, y, weight = keras.utils.unpack_x_y_sample_weight(data)
        with tf.GradientTape() as tape:
            y_pred = self(x, training=True)
            loss = self.compute_loss(
                x=x, y=y, y_pred=y_pred, sample_weight=weight
            )
            # Multiplied by the loss scale under mixed_float16, as in
            # Keras's own step; the optimizer divides it back out.
            scaled_loss = self.optimizer.scale_loss(loss)
        grads = tape.gradient(scaled_loss, self.trainable_variables)
        self.optimizer.apply(grads, self.trainable_variables)
        for metric in self.metrics:
            if metric.name == "loss":
                metric.update_state(loss)
            else:
                metric.update_state(y, y_pred, sample_weight=weight)
        return {metric.name: metric.result() for metric in self.metrics}


rng = np.random.default_rng(0)
features = rng.normal(size=(512, 20)).astype("float32")
labels = (features @ rng.normal(size=20) > 0).astype("int64")

inputs = keras.Input(shape=(20,))
hidden = keras.layers.Dense(32, activation="relu")(inputs)
model = StepModel(inputs, keras.layers.Dense(2)(hidden))
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-2),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
history = model.fit(features, labels, batch_size=64, epochs=5, verbose=0)
losses, accuracies = history.history["loss"], history.history["accuracy"]
print("loss went down:", losses[-1] < losses[0])
print("accuracy above 0.9:", accuracies[-1] > 0.9)
