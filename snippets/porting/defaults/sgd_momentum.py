# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

learning_rates = [0.1, 0.1, 0.01]  # the rate drops before the third step
param = torch.zeros(1, requires_grad=True)
sgd_t = torch.optim.SGD([param], lr=0.1, momentum=0.9)
variable = keras.Variable([0.0])
sgd_k = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
for step, lr in enumerate(learning_rates, start=1):
    sgd_t.param_groups[0]["lr"] = lr
    param.grad = torch.ones(1)  # the same gradient, 1.0, at every step
    sgd_t.step()
    sgd_k.learning_rate.assign(lr)
    sgd_k.apply_gradients([(np.ones(1, "float32"), variable)])
    print(
        f"step {step}, lr {lr}:  torch {param.item():.4f}"
        f"  keras {variable.numpy().item():.4f}"
    )
