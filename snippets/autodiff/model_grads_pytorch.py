import torch
from torch import nn

torch.manual_seed(0)

model = nn.Linear(3, 1)  # parameters are created with requires_grad=True
x = torch.randn(8, 3)
y = torch.randn(8, 1)
loss = nn.functional.mse_loss(model(x), y)

# torch.autograd.grad returns the gradients and leaves .grad alone...
grads = torch.autograd.grad(loss, list(model.parameters()), retain_graph=True)
print([tuple(g.shape) for g in grads], model.weight.grad)

# ...loss.backward() stores them in each parameter's .grad, where
# optimizers read them.
loss.backward()
for name, param in model.named_parameters():
    print(name, tuple(param.grad.shape))
params = model.parameters()
assert all(torch.equal(g, p.grad) for g, p in zip(grads, params, strict=True))
