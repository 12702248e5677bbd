import keras
import tensorflow as tf
from sklearn.datasets import load_digits

keras.utils.set_random_seed(0)

digits = load_digits()
features = digits.data.astype("float32") / 16.0
dataset = (
    tf.data.Dataset.from_tensor_slices(
        (features, digits.target.astype("int32"))
    )
    .shuffle(len(features))
    .batch(128)
    .prefetch(tf.data.AUTOTUNE)
)

model = keras.Sequential(
    [
        keras.Input(shape=(64,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(10),
    ]
)
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=3e-2),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    metrics=["accuracy"],
)
# A dataset already yields shuffled batches: no batch_size, and
# shuffle=False, since fit()'s default shuffle=True cannot apply and warns.
model.fit(dataset, epochs=3, shuffle=False, verbose=0)
loss, accuracy = model.evaluate(dataset, verbose=0)
print("training accuracy above 0.9:", accuracy > 0.9)
