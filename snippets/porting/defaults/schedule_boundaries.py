# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import torch


def torch_rates(make_scheduler, steps):
    optimizer = torch.optim.SGD([torch.zeros(1)], lr=1.0)
    scheduler, rates = make_scheduler(optimizer), []
    for _ in range(steps):
        rates.append(round(scheduler.get_last_lr()[0], 3))
        optimizer.step()
        scheduler.step()
    return rates


def keras_rates(schedule, steps):
    return [round(float(schedule(step)), 3) for step in range(steps)]


multistep = torch.optim.lr_scheduler.MultiStepLR
piecewise = keras.optimizers.schedules.PiecewiseConstantDecay
rates = torch_rates(lambda o: multistep(o, milestones=[3], gamma=0.1), 6)
print("torch MultiStepLR(milestones=[3])         ", rates)
rates = keras_rates(piecewise([3], [1.0, 0.1]), 6)
print("keras PiecewiseConstantDecay([3], [1, 0.1])", rates)
rates = keras_rates(piecewise([2], [1.0, 0.1]), 6)
print("keras PiecewiseConstantDecay([2], [1, 0.1])", rates)

cosine = torch.optim.lr_scheduler.CosineAnnealingLR
print("steps 8 to 14:")
rates = torch_rates(lambda o: cosine(o, T_max=10), 15)[8:]
print("torch CosineAnnealingLR(T_max=10)", rates)
rates = keras_rates(keras.optimizers.schedules.CosineDecay(1.0, 10), 15)[8:]
print("keras CosineDecay(1.0, 10)       ", rates)
