import torch

# requires_grad=True asks autograd to record every operation on w.
w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
x = torch.tensor([4.0, 5.0, 6.0])

loss = (w * x).sum() + (w**2).sum()  # d(loss)/dw = x + 2w
loss.backward()  # fills w.grad; the recorded graph is then freed
print("w.grad:", w.grad)
print("x.grad:", x.grad)  # x was not asked for

# Gradients accumulate: a second backward adds to w.grad.
((w * x).sum() + (w**2).sum()).backward()
print("after a second backward:", w.grad)
w.grad = None  # what optimizer.zero_grad() does
