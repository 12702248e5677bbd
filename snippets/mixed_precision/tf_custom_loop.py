import os

# A TensorFlow custom loop (tf.GradientTape): the TensorFlow backend.
os.environ["KERAS_BACKEND"] = "tensorflow"  # before the first `import keras`

import keras
import tensorflow as tf

keras.utils.set_random_seed(0)
keras.config.set_dtype_policy("mixed_float16")

model = keras.Sequential(
    [
        keras.Input(shape=(8,)),
        keras.layers.Dense(32, activation="relu"),
        keras.layers.Dense(1, dtype="float32"),
    ]
)
# In a custom loop, wrap the optimizer yourself: it scales the loss and
# unscales the gradients.
sgd = keras.optimizers.SGD(0.05)
optimizer = keras.optimizers.LossScaleOptimizer(sgd)

x = tf.random.normal((64, 8))
y = tf.reduce_sum(x, axis=1, keepdims=True)


@tf.function
def train_step(x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x) - y))
        scaled_loss = optimizer.scale_loss(loss)  # loss * the current scale
    grads = tape.gradient(scaled_loss, model.trainable_variables)
    # apply() unscales; it skips the step on inf or NaN.
    optimizer.apply(grads, model.trainable_variables)
    return loss


losses = [float(train_step(x, y)) for _ in range(20)]
scale = float(optimizer.dynamic_scale)
print(f"loss {losses[0]:.3f} -> {losses[-1]:.3f}, loss scale {scale:.0f}")
assert losses[-1] < losses[0], "the loss should go down"
keras.config.set_dtype_policy("float32")  # back to the default
