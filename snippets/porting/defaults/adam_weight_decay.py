# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

lr, decay = 0.001, 0.1  # zero gradient: only weight decay moves the weight


def torch_step(optimizer_class, **kwargs):
    param = torch.ones(1, requires_grad=True)
    optimizer = optimizer_class([param], lr=lr, **kwargs)
    param.grad = torch.zeros(1)
    optimizer.step()
    return 1 - param.item()


def keras_step(optimizer):
    variable = keras.Variable([1.0])
    optimizer.apply_gradients([(np.zeros(1, "float32"), variable)])
    return 1 - variable.numpy().item()


adam, adamw = torch.optim.Adam, torch.optim.AdamW
print("weight 1.0, lr=0.001, weight_decay=0.1: decrease in one step")
print(f"  torch Adam   {torch_step(adam, weight_decay=decay):.1e}")
print(f"  torch AdamW  {torch_step(adamw, weight_decay=decay):.1e}")
decoupled = torch_step(adam, weight_decay=decay, decoupled_weight_decay=True)
print(f"  torch Adam(decoupled_weight_decay=True)  {decoupled:.1e}")
keras_adam = keras.optimizers.Adam(learning_rate=lr, weight_decay=decay)
print(f"  keras Adam   {keras_step(keras_adam):.1e}")
keras_adamw = keras.optimizers.AdamW(learning_rate=lr, weight_decay=decay)
print(f"  keras AdamW  {keras_step(keras_adamw):.1e}")
print(
    "AdamW's default weight_decay  torch:",
    adamw([torch.zeros(1)]).defaults["weight_decay"],
    " keras:",
    keras.optimizers.AdamW().weight_decay,
)
