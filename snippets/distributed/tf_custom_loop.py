import os

# tf.distribute strategies need Keras on TensorFlow.
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras
import tensorflow as tf

cpu = tf.config.list_physical_devices("CPU")[0]
config = [tf.config.LogicalDeviceConfiguration()] * 2
tf.config.set_logical_device_configuration(cpu, config)
strategy = tf.distribute.MirroredStrategy(["/cpu:0", "/cpu:1"])

GLOBAL_BATCH = 16
x = tf.random.stateless_normal((64, 4), seed=(0, 0))
y = tf.reduce_sum(x, 1, keepdims=True)
dataset = tf.data.Dataset.from_tensor_slices((x, y))
# drop_remainder: every step has GLOBAL_BATCH rows, as the loss assumes.
dataset = dataset.batch(GLOBAL_BATCH, drop_remainder=True)
dataset = dataset.prefetch(tf.data.AUTOTUNE)
# The dataset yields global batches; the strategy splits each one between
# the replicas.
dist_dataset = strategy.experimental_distribute_dataset(dataset)

with strategy.scope():
    model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(1)])
    optimizer = keras.optimizers.SGD(0.1)


@tf.function
def train_step(inputs):
    def step(x, y):  # runs once per replica, on its share of the batch
        with tf.GradientTape() as tape:
            per_example = tf.reduce_sum(tf.square(model(x) - y), axis=1)
            # Sum / the *global* batch: the replicas' gradients are summed.
            loss = tf.nn.compute_average_loss(
                per_example, global_batch_size=GLOBAL_BATCH
            )
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply(grads, model.trainable_variables)
        return tf.shape(x)[0]

    per_replica_rows = strategy.run(step, args=inputs)
    return strategy.experimental_local_results(per_replica_rows)


for inputs in dist_dataset:
    rows = train_step(inputs)
print("rows per replica:", [int(r) for r in rows])
copies = model.layers[0].kernel.value.values
equal = all(bool(tf.reduce_all(copies[0] == c)) for c in copies)
print("weights equal on every replica:", equal)
