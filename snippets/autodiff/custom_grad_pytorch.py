import torch


class RoundSTE(torch.autograd.Function):
    """round() on the way forward; on the way back, the gradient passes
    straight through where |x| <= 1 and is zero elsewhere."""

    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)  # what backward() will need
        return torch.round(x)

    @staticmethod
    def backward(ctx, grad_output):
        (x,) = ctx.saved_tensors
        return grad_output * (x.abs() <= 1)


x = torch.tensor([0.2, 1.7, -0.6], requires_grad=True)
(torch.round(x) * 3).sum().backward()
print("round:", x.grad.tolist())  # round() has a zero gradient

x.grad = None
y = RoundSTE.apply(x)  # call apply(), never forward()
(y * 3).sum().backward()
print("forward:", y.tolist())
print("straight-through:", x.grad.tolist())
assert x.grad.tolist() == [3.0, 0.0, 3.0]
