import keras
import tensorflow as tf

# Since TensorFlow 2.16, `tf.keras` is Keras 3: the very package that
# `import keras` gives.
print("keras", keras.__version__.split(".")[0] + ".x")
print("tf.keras is Keras 3:", tf.keras.Sequential is keras.Sequential)
print("backend:", keras.config.backend())
