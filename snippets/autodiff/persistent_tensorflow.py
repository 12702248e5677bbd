import tensorflow as tf

x = tf.Variable(1.0)

with tf.GradientTape() as tape:
    y = tf.exp(x)
    z = y * y
print("dz/dx:", round(float(tape.gradient(z, x)), 4))
try:
    tape.gradient(y, x)  # an ordinary tape is released after one gradient call
except RuntimeError:
    print("second gradient: RuntimeError")

# persistent=True keeps the recording for several gradient calls.
with tf.GradientTape(persistent=True) as tape:
    y = tf.exp(x)
    z = y * y
print("dz/dx:", round(float(tape.gradient(z, x)), 4))
print("dy/dx:", round(float(tape.gradient(y, x)), 4))
del tape  # free the recording when done
