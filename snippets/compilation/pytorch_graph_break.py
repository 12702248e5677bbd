import torch


def scale(x):
    # Python control flow on a tensor's *value*: the compiler cannot put it in one graph.
    if x.sum() > 0:
        return x * 2
    return x * -1


x = torch.tensor([1.0, -3.0])

# fullgraph=True makes a "graph break" an error: the way to check that a model compiles whole.
strict = torch.compile(scale, backend="eager", fullgraph=True)
try:
    strict(x)
except Exception as error:  # torch._dynamo raises its own error types
    print(f"{type(error).__name__}: {str(error).splitlines()[0]}")

# By default torch.compile splits the function at the break and runs that bit in Python:
# still correct, just less optimised.
lenient = torch.compile(scale, backend="eager")
print("default:", lenient(x).tolist(), "== eager:", scale(x).tolist())


# torch.cond keeps both branches in one graph.
def scale_cond(x):
    return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: t * -1, (x,))


print("torch.cond:", torch.compile(scale_cond, backend="eager", fullgraph=True)(x).tolist())
