import keras

early = keras.layers.Dense(2)  # built under the default policy
keras.config.set_dtype_policy("mixed_bfloat16")
late = keras.layers.Dense(2)  # layers read the policy when created

print("created before:", early.dtype_policy.name)
print("created after:", late.dtype_policy.name)
keras.config.set_dtype_policy("float32")  # back to the default
