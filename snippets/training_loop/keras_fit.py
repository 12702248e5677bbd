import keras
import numpy as np

keras.utils.set_random_seed(0)

# 512 points in 20 dimensions; the label says on which side of a fixed
# plane each lies.
rng = np.random.default_rng(0)
features = rng.normal(size=(512, 20)).astype("float32")
labels = (features @ rng.normal(size=20) > 0).astype("int32")

model = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(2),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=1e-2),
    # The model ends in logits.
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)

# fit() batches, shuffles every epoch, and runs the step as a compiled
# graph.
history = model.fit(features, labels, batch_size=64, epochs=5, verbose=0)
epoch_losses = history.history["loss"]

loss, accuracy = model.evaluate(features, labels, verbose=0)
print("loss went down:", epoch_losses[-1] < epoch_losses[0])
print("accuracy above 0.9:", accuracy > 0.9)
