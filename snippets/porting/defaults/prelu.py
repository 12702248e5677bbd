import keras
import torch

prelu_t = torch.nn.PReLU()
print("torch PReLU(): alpha shape", tuple(prelu_t.weight.shape), end=", ")
print(f"value {prelu_t.weight.item():.2f}")
prelu_k = keras.layers.PReLU()
prelu_k.build((None, 4, 4, 3))  # (batch, H, W, channels)
alpha = keras.ops.convert_to_numpy(prelu_k.alpha)
print("keras PReLU(): alpha shape", alpha.shape, f"values {alpha.max():.2f}")
prelu_k = keras.layers.PReLU(
    alpha_initializer=keras.initializers.Constant(0.25), shared_axes=[1, 2]
)
prelu_k.build((None, 4, 4, 3))
alpha = keras.ops.convert_to_numpy(prelu_k.alpha)
print("keras shared_axes=[1, 2]: alpha shape", alpha.shape, end=", ")
print(f"values {alpha.max():.2f} (one per channel)")
