# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import numpy as np
import torch

steps_per_epoch = 3  # one epoch of 3 batches, the rate halves "each step"
param = torch.zeros(1, requires_grad=True)
sgd_t = torch.optim.SGD([param], lr=0.1)
scheduler = torch.optim.lr_scheduler.ExponentialLR(sgd_t, gamma=0.5)
for _ in range(steps_per_epoch):
    param.grad = torch.zeros(1)
    sgd_t.step()
scheduler.step()  # where you call it: here once per epoch
print("torch ExponentialLR, step() per epoch: lr", scheduler.get_last_lr())

for decay_steps, staircase in [(1, False), (steps_per_epoch, True)]:
    schedule = keras.optimizers.schedules.ExponentialDecay(
        0.1, decay_steps=decay_steps, decay_rate=0.5, staircase=staircase
    )
    sgd_k = keras.optimizers.SGD(learning_rate=schedule)
    variable = keras.Variable([0.0])
    for _ in range(steps_per_epoch):  # what fit() does for each batch
        sgd_k.apply_gradients([(np.zeros(1, "float32"), variable)])
    print(
        f"keras ExponentialDecay(decay_steps={decay_steps}): "
        f"iterations {sgd_k.iterations.numpy()}, "
        f"lr {float(sgd_k.learning_rate):.4f}"
    )
