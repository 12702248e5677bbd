import torch
from torch.func import grad, jacrev

x = torch.tensor(2.0, requires_grad=True)
y = x**3

# create_graph=True records the backward pass, so it can be
# differentiated again.
(dy,) = torch.autograd.grad(y, x, create_graph=True)
(d2y,) = torch.autograd.grad(dy, x)
print("dy/dx:", dy.item(), "d2y/dx2:", d2y.item())


# torch.func composes gradients as functions, as JAX does.
def f(t):
    return t**3


print("grad(grad(f))(2):", grad(grad(f))(torch.tensor(2.0)).item())

# A Jacobian of a vector output in one call.
v = torch.tensor([1.0, 2.0])
print("jacobian:", jacrev(lambda t: t**2)(v).tolist())
