import keras
import numpy as np

keras.utils.set_random_seed(0)  # seeds Python, NumPy and the backend in one call

# 1. Define the model: stack layers; keras.Input declares the input shape.
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),  # input 784
        keras.layers.Dense(128, activation="relu"),  # hidden 128
        keras.layers.Dense(10, activation="softmax"),  # output 10
    ]
)

# Dummy data: 64 samples of 784 features. Keras places it on the GPU when one is visible.
inputs = np.random.rand(64, 784).astype("float32")
labels = np.random.randint(0, 10, size=(64,))

# 2. Compile: choose the optimizer, the loss and the metrics.
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01),
    loss="sparse_categorical_crossentropy",
    metrics=["accuracy"],
)

# 3. fit() runs the training loop for you.
history = model.fit(inputs, labels, epochs=2, batch_size=64, verbose=0)
for epoch, loss in enumerate(history.history["loss"], start=1):
    print(f"epoch {epoch}: loss {loss:.4f}")

assert history.history["loss"][1] < history.history["loss"][0], "the loss should go down"
