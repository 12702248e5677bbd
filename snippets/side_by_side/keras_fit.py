import keras
import numpy as np

keras.utils.set_random_seed(0)  # seeds Python, NumPy and the backend

# 1. Define the model: stack layers; keras.Input declares the input shape.
model = keras.Sequential(
    [
        keras.Input(shape=(784,)),  # input 784
        keras.layers.Dense(128, activation="relu"),  # hidden 128
        keras.layers.Dense(10),  # output 10: logits, as in PyTorch
    ]
)

# Dummy data: 64 samples of 784 features, the same arrays as the PyTorch tab
# (labels as int32, which every Keras backend takes without a warning).
rng = np.random.default_rng(0)
inputs = rng.random((64, 784), dtype=np.float32)
labels = rng.integers(0, 10, size=64).astype("int32")

# 2. Compile: choose the optimizer and the loss (on logits, like PyTorch's).
model.compile(
    optimizer=keras.optimizers.SGD(learning_rate=0.01),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)

# 3. fit() runs the training loop for you: here 2 epochs of one batch of
# 64 samples, like the PyTorch tab.
history = model.fit(inputs, labels, epochs=2, batch_size=64, verbose=0)
losses = [float(loss) for loss in history.history["loss"]]
print("epochs run:", len(losses))
print("loss went down:", losses[1] < losses[0])

# Probabilities, when you need them: a softmax over the logits.
logits = model(inputs[:2])  # calling the model gives the logits
probabilities = keras.ops.convert_to_numpy(keras.ops.softmax(logits))
print("probabilities sum to 1:", np.allclose(probabilities.sum(axis=1), 1))
