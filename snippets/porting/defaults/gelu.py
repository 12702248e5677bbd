import keras
import numpy as np
import tensorflow as tf
import torch

x = np.linspace(-3, 3, 61).astype("float32")
exact = torch.nn.GELU()(torch.from_numpy(x)).numpy()  # approximate="none"
candidates = {
    "torch.nn.functional.gelu(x)": torch.nn.functional.gelu(
        torch.from_numpy(x)
    ),
    "keras.layers.Activation('gelu')": keras.layers.Activation("gelu")(x),
    "keras.activations.gelu(x)": keras.activations.gelu(x),
    "keras.ops.gelu(x)": keras.ops.gelu(x),
    "tf.nn.gelu(x)": tf.nn.gelu(x),
}
print("torch.nn.GELU().approximate:", repr(torch.nn.GELU().approximate))
for name, y in candidates.items():
    y = keras.ops.convert_to_numpy(y) if not torch.is_tensor(y) else y.numpy()
    print(f"{name:32} exact: {bool(np.allclose(y, exact, atol=1e-6))}")
