# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

lr = 0.001
print(
    "epsilon  torch:",
    torch.optim.Adam([torch.zeros(1)]).defaults["eps"],
    " keras:",
    keras.optimizers.Adam().epsilon,
)
for grad in [1.0, 1e-7]:  # first step of each, in units of lr
    param = torch.zeros(1, requires_grad=True)
    torch_adam = torch.optim.Adam([param], lr=lr, eps=1e-8)
    param.grad = torch.tensor([grad])
    torch_adam.step()
    variable = keras.Variable([0.0])
    keras_adam = keras.optimizers.Adam(learning_rate=lr, epsilon=1e-8)
    keras_adam.apply_gradients([(np.array([grad], "float32"), variable)])
    step_t = -param.item() / lr
    step_k = -variable.numpy().item() / lr
    print(f"grad {grad:g}: step/lr  torch {step_t:.3f}  keras {step_k:.3f}")
