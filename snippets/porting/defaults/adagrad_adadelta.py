# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

lr, grad = 1.0, 0.01  # the same rate on both sides: only the rest differs


def torch_step(name, **defaults):
    param = torch.zeros(1, requires_grad=True)
    optimizer = getattr(torch.optim, name)([param], lr=lr, **defaults)
    param.grad = torch.full((1,), grad)
    optimizer.step()
    return -param.item() / lr


def keras_step(name, **defaults):
    variable = keras.Variable([0.0])
    optimizer = getattr(keras.optimizers, name)(learning_rate=lr, **defaults)
    optimizer.apply_gradients([(np.full(1, grad, "float32"), variable)])
    return -float(variable[0]) / lr


adagrad_t = torch.optim.Adagrad([torch.zeros(1)]).defaults
adagrad_k = keras.optimizers.Adagrad()
print(
    "Adagrad  torch initial_accumulator_value",
    adagrad_t["initial_accumulator_value"],
    "eps",
    adagrad_t["eps"],
    " keras",
    adagrad_k.initial_accumulator_value,
    "epsilon",
    adagrad_k.epsilon,
)
print(f"  grad {grad}: step/lr  torch {torch_step('Adagrad'):.3f}", end="")
print(f"  keras {keras_step('Adagrad'):.3f}")
keras_zero = keras_step("Adagrad", initial_accumulator_value=0.0)
print(f"  keras initial_accumulator_value=0: {keras_zero:.3f}")
adadelta_t = torch.optim.Adadelta([torch.zeros(1)]).defaults
adadelta_k = keras.optimizers.Adadelta()
print(
    "Adadelta torch rho",
    adadelta_t["rho"],
    "eps",
    adadelta_t["eps"],
    " keras rho",
    adadelta_k.rho,
    "epsilon",
    adadelta_k.epsilon,
)
print(f"  grad {grad}: step/lr  torch {torch_step('Adadelta'):.4f}", end="")
print(f"  keras {keras_step('Adadelta'):.4f}")
same_t = torch_step("Adadelta", rho=0.9, eps=1e-6)
print(f"  with rho 0.9, eps 1e-6 both: torch {same_t:.4f}", end="")
print(f"  keras {keras_step('Adadelta', rho=0.9, epsilon=1e-6):.4f}")
