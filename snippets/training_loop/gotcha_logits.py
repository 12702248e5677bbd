import keras
import numpy as np

rng = np.random.default_rng(0)
features = rng.normal(size=(512, 20)).astype("float32")
labels = (features @ rng.normal(size=20) > 0).astype("int32")

# The model ends in logits; only the loss's from_logits differs.
accuracies = {}
for from_logits in (False, True):
    keras.utils.set_random_seed(0)
    model = keras.Sequential([keras.Input(shape=(20,)), keras.layers.Dense(2)])
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=1e-2),
        loss=keras.losses.SparseCategoricalCrossentropy(
            from_logits=from_logits
        ),
        metrics=["accuracy"],
    )
    model.fit(features, labels, batch_size=64, epochs=5, verbose=0)
    _, accuracy = model.evaluate(features, labels, verbose=0)
    accuracies[from_logits] = accuracy
print("from_logits=False, accuracy below 0.7:", accuracies[False] < 0.7)
print(
    "from_logits=True, better by over 0.2:",
    accuracies[True] - accuracies[False] > 0.2,
)
