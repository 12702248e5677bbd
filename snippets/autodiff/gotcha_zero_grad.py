import torch

w = torch.tensor(1.0, requires_grad=True)
(2 * w).backward()
print("grad after one backward:", w.grad.item())
(2 * w).backward()  # no zero_grad() in between: the gradients add up
print("grad after two:", w.grad.item())
w.grad = None  # what optimizer.zero_grad() does by default
(2 * w).backward()
print("after resetting:", w.grad.item())
