import tensorflow as tf

tf.random.set_seed(0)


class Dense(tf.Module):
    def __init__(self, n_in, n_out, activation=None):
        super().__init__()
        self.w = tf.Variable(tf.random.normal((n_in, n_out), stddev=0.1))
        self.b = tf.Variable(tf.zeros((n_out,)))
        self.activation = activation or tf.identity

    def __call__(self, x):
        return self.activation(x @ self.w + self.b)


# tf.Module is TensorFlow's own base class: it tracks the Variables of
# its attributes.
class DigitsNet(tf.Module):
    def __init__(self):
        super().__init__()
        self.hidden = Dense(64, 32, tf.nn.relu)
        self.out = Dense(32, 10)

    def __call__(self, x):
        return self.out(self.hidden(x))


model = DigitsNet()
print("variables:", len(model.trainable_variables))
print("parameters:", sum(int(tf.size(v)) for v in model.trainable_variables))
print("output:", tuple(model(tf.random.normal((5, 64))).shape))
