import torch


def scale(x):
    # Branching on a tensor's *value*: no single graph can hold it.
    if x.sum() > 0:
        return x * 2
    return x * -1


x = torch.tensor([1.0, -3.0])

# fullgraph=True makes a "graph break" an error: the way to check that a
# model compiles whole. (backend="eager" only captures, which is all this
# example needs.) Unsupported is TorchDynamo's own, private exception.
strict = torch.compile(scale, backend="eager", fullgraph=True)
try:
    strict(x)
except torch._dynamo.exc.Unsupported as error:
    print(f"{type(error).__name__}: {str(error).splitlines()[0]}")

# By default torch.compile splits the function at the break and runs that
# bit in Python: still correct, just less optimised.
lenient = torch.compile(scale, backend="eager")
for data in (x, -x):  # one input for each branch
    print(
        "default:", lenient(data).tolist(), "== eager:", scale(data).tolist()
    )


# torch.cond (a prototype API in torch 2.15) keeps both branches in one
# graph.
def scale_cond(x):
    return torch.cond(x.sum() > 0, lambda t: t * 2, lambda t: -t, (x,))


whole = torch.compile(scale_cond, backend="eager", fullgraph=True)
print("torch.cond:", whole(x).tolist())
