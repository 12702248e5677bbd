import keras
import numpy as np

model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(3)])


def bold_codes_in_error():
    try:
        model(np.ones((2, 5), "float32"))  # fails inside Dense's call()
    except ValueError as error:
        return "\x1b[1m" in str(error) and "\x1b[0m" in str(error)


print("bold escape codes:", bold_codes_in_error())
# Traceback filtering re-raises errors from a layer's call() with the
# message in bold; turned off, the message comes through as raised.
keras.config.disable_traceback_filtering()
print("filtering off:", bold_codes_in_error())
keras.config.enable_traceback_filtering()  # back to the default
