# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import torch

losses = [1000.0, 999.95]  # better by 0.05: is that an improvement?

optimizer = torch.optim.SGD([torch.zeros(1)], lr=1.0)
plateau_t = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, patience=0)
print(
    "torch threshold",
    plateau_t.threshold,
    "threshold_mode",
    repr(plateau_t.threshold_mode),
)
for loss in losses:
    plateau_t.step(loss)
print("  lr after the two epochs:", optimizer.param_groups[0]["lr"])
optimizer = torch.optim.SGD([torch.zeros(1)], lr=1.0)
plateau_t = torch.optim.lr_scheduler.ReduceLROnPlateau(
    optimizer, patience=0, threshold_mode="abs"
)
for loss in losses:
    plateau_t.step(loss)
print("  threshold_mode='abs':", optimizer.param_groups[0]["lr"])

model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
model.compile(optimizer=keras.optimizers.SGD(1.0), loss="mse")
plateau_k = keras.callbacks.ReduceLROnPlateau(patience=0)
plateau_k.set_model(model)
print("keras min_delta", plateau_k.min_delta, "(absolute)")
for epoch, loss in enumerate(losses):
    plateau_k.on_epoch_end(epoch, {"val_loss": loss})
print("  lr after the two epochs:", float(model.optimizer.learning_rate))
