# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

torch_defaults = torch.optim.RMSprop([torch.zeros(1)]).defaults
keras_rmsprop = keras.optimizers.RMSprop()
print(
    f"torch RMSprop  lr {torch_defaults['lr']}  alpha "
    f"{torch_defaults['alpha']}  eps {torch_defaults['eps']}"
)
print(
    f"keras RMSprop  lr {keras_rmsprop.learning_rate.numpy():.3f}  rho "
    f"{keras_rmsprop.rho}  epsilon {keras_rmsprop.epsilon}"
)


def first_step(grad, torch_kwargs, keras_kwargs):
    param = torch.zeros(1, requires_grad=True)
    rmsprop_t = torch.optim.RMSprop([param], lr=0.01, **torch_kwargs)
    param.grad = torch.tensor([grad])
    rmsprop_t.step()
    variable = keras.Variable([0.0])
    rmsprop_k = keras.optimizers.RMSprop(0.01, **keras_kwargs)
    rmsprop_k.apply_gradients([(np.array([grad], "float32"), variable)])
    step_t, step_k = -param.item() / 0.01, -variable.numpy().item() / 0.01
    print(
        f"grad {grad:g}, {keras_kwargs or 'defaults'}: step/lr  "
        f"torch {step_t:.2f}  keras {step_k:.2f}"
    )


first_step(1.0, {}, {})  # each with its own rho and epsilon
same = {"alpha": 0.99, "eps": 1e-8}
first_step(1e-4, same, {"rho": 0.99, "epsilon": 1e-8})
first_step(1e-4, same, {"rho": 0.99, "epsilon": 1e-16})
