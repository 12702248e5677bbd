import keras
import numpy as np
import torch

grads = [np.array([3.0, 4.0], "float32"), np.array([0.0, 12.0], "float32")]
params = [torch.zeros(2, requires_grad=True) for _ in grads]
for param, grad in zip(params, grads, strict=True):
    param.grad = torch.from_numpy(grad.copy())
total = torch.nn.utils.clip_grad_norm_(params, max_norm=1.0)
print(
    f"torch clip_grad_norm_: norm {total.item():.0f} ->",
    [p.grad.double().numpy().round(3).tolist() for p in params],
)

for clip in [{"clipnorm": 1.0}, {"global_clipnorm": 1.0}]:
    variables = [keras.Variable(np.zeros(2)) for _ in grads]
    keras.optimizers.SGD(learning_rate=1.0, **clip).apply_gradients(
        zip(grads, variables, strict=True)
    )  # with lr 1, the update is minus the grad
    print(
        f"keras {clip}:",
        [(0.0 - v.numpy()).round(3).tolist() for v in variables],
    )
