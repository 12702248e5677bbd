# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

lr, decay = 0.01, 0.1  # zero gradients: only weight decay moves the weight


def torch_decrease(name, **kwargs):
    param = torch.ones(1, requires_grad=True)
    optimizer = getattr(torch.optim, name)([param], lr=lr, **kwargs)
    for _ in range(2):
        param.grad = torch.zeros(1)
        optimizer.step()
    return 1 - param.item()


def keras_decrease(name, **kwargs):
    variable = keras.Variable([1.0])
    optimizer = getattr(keras.optimizers, name)(
        lr, weight_decay=decay, **kwargs
    )
    for _ in range(2):
        optimizer.apply_gradients([(np.zeros(1, "float32"), variable)])
    return 1 - float(variable[0])


print("weight 1.0, lr=0.01, weight_decay=0.1: decrease in two steps")
print("                   torch (L2)  keras (decoupled)")
for name, kwargs in [
    ("SGD", {}),
    ("SGD", {"momentum": 0.9}),
    ("RMSprop", {}),
    ("Adagrad", {}),
]:
    by_torch = torch_decrease(name, weight_decay=decay, **kwargs)
    by_keras = keras_decrease(name, **kwargs)
    label = name + ("(momentum=0.9)" if kwargs else "")
    print(f"{label:18} {by_torch:.2e}    {by_keras:.2e}")
decoupled = torch_decrease(
    "NAdam", weight_decay=decay, decoupled_weight_decay=True
)
print(f"torch NAdam(decoupled_weight_decay=True): {decoupled:.2e}")
print(
    f"keras Nadam:                              {keras_decrease('Nadam'):.2e}"
)
