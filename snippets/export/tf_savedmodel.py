import os
import tempfile

import numpy as np
import tensorflow as tf


class Scorer(tf.Module):
    def __init__(self):
        super().__init__()
        w = tf.random.stateless_normal((4, 2), seed=(0, 0))
        self.w = tf.Variable(w)

    # The input_signature fixes what the exported graph accepts: any batch
    # size, 4 features.
    spec = tf.TensorSpec([None, 4], tf.float32, name="features")

    @tf.function(input_signature=[spec])
    def serve(self, x):
        return {"scores": tf.nn.softmax(tf.matmul(x, self.w))}


module = Scorer()
signatures = {"serving_default": module.serve}
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "scorer")
    tf.saved_model.save(module, path, signatures=signatures)
    reloaded = tf.saved_model.load(path)

x = tf.random.stateless_uniform((3, 4), seed=(1, 0))
scores = reloaded.serve(x)["scores"]
np.testing.assert_allclose(scores, module.serve(x)["scores"], rtol=1e-6)
# The signature is what TensorFlow Serving (and other languages) call, by
# input and output names.
serving = reloaded.signatures["serving_default"]
inputs = list(serving.structured_input_signature[1])
print("inputs:", inputs, "outputs:", list(serving.structured_outputs))
print("reloaded module matches")
