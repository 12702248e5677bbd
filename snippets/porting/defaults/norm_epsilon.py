import keras
import numpy as np
import torch

group_t, group_k = torch.nn.GroupNorm(2, 4), keras.layers.GroupNormalization()
print("GroupNorm  torch eps", group_t.eps, " keras epsilon", group_k.epsilon)
print("           keras default groups", group_k.groups, "(torch: required)")
rms_t, rms_k = torch.nn.RMSNorm(4), keras.layers.RMSNormalization()
tiny = torch.finfo(torch.float32).eps
print(
    "RMSNorm    torch eps", rms_t.eps, f"(then float32's {tiny:.2e})", end=""
)
print("  keras epsilon", rms_k.epsilon)
x = np.full((1, 4), 1e-3, "float32")  # small features: epsilon shows
by_torch = rms_t(torch.from_numpy(x)).detach().numpy()
by_keras = keras.ops.convert_to_numpy(rms_k(x))
print(f"RMSNorm of 1e-3 features  torch {by_torch[0, 0]:.3f}", end="")
print(f"  keras {by_keras[0, 0]:.3f}")
