import os
import tempfile

import keras
import numpy as np

keras.utils.set_random_seed(0)


# Registration lets load_model find the class; get_config lets it
# rebuild the layer.
@keras.saving.register_keras_serializable(package="guide")
class Scale(keras.layers.Layer):
    def __init__(self, factor=2.0, **kwargs):
        super().__init__(**kwargs)
        self.factor = factor

    def call(self, x):
        return x * self.factor

    def get_config(self):
        return {**super().get_config(), "factor": self.factor}


model = keras.Sequential(
    [keras.Input(shape=(4,)), keras.layers.Dense(3), Scale(factor=0.5)]
)
x = np.random.rand(2, 4).astype("float32")

with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "scaled.keras")
    model.save(path)
    restored = keras.models.load_model(path)

print("registered as:", keras.saving.get_registered_name(Scale))
print("factor restored:", restored.layers[-1].factor)
same = keras.ops.all(keras.ops.equal(model(x), restored(x)))
print("same outputs:", bool(same))
