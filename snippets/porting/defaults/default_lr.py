# Before Keras loads TensorFlow: a CUDA build of PyTorch loads Triton's
# LLVM here, and after TensorFlow's it aborts (see Porting a model).
import torch._dynamo  # noqa: I001, F401
import keras
import torch

names = ["SGD", "Adam", "AdamW", "RMSprop", "Adagrad", "Adadelta", "Adamax"]
print("optimizer  torch lr  keras learning_rate")
for name in [*names, "NAdam"]:
    torch_lr = getattr(torch.optim, name)([torch.zeros(1)]).defaults["lr"]
    keras_name = "Nadam" if name == "NAdam" else name  # Keras's spelling
    keras_lr = getattr(keras.optimizers, keras_name)().learning_rate.numpy()
    print(f"{name:9}  {torch_lr:<8g}  {keras_lr:g}")
betas = torch.optim.Adam([torch.zeros(1)]).defaults["betas"]
adam = keras.optimizers.Adam()
print("Adam betas  torch:", betas, " keras:", (adam.beta_1, adam.beta_2))
