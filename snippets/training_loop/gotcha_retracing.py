import unittest

import tensorflow as tf


@tf.function
def step(n):
    return n + 1


with unittest.TestCase().assertLogs("tensorflow") as logs:
    for n in range(6):
        step(n)  # a new Python number: a new trace
print("traces after 6 Python ints:", step.experimental_get_tracing_count())
message = logs.output[0]
print("logged:", message[message.index("triggered") :].split(". ")[0])

for n in range(6):
    step(tf.constant(n))  # tensors of one shape and dtype: one trace
print("after 6 tensors:", step.experimental_get_tracing_count())
