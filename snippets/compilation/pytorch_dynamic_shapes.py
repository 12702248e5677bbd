import torch

graphs = []


def counting_backend(graph_module, example_inputs):
    graphs.append(graph_module)  # called once per graph compiled
    return graph_module.forward  # run the captured graph as it is


@torch.compile(backend=counting_backend)
def double(x):
    return x * 2


for n in [2, 3, 4, 5]:
    double(torch.ones(n))
# The first graph is for length 2; at length 3 the dimension becomes
# dynamic, and that graph serves every length of 2 or more after it.
print("lengths 2, 3, 4, 5 -> graphs compiled:", len(graphs))
# Sizes 0 and 1 are always specialised: each gets a graph of its own.
for n in [1, 0]:
    double(torch.ones(n))
print("then lengths 1, 0 -> graphs compiled:", len(graphs))


# dynamic=True makes the first graph dynamic: no second compile.
@torch.compile(backend=counting_backend, dynamic=True)
def triple(x):
    return x * 3


graphs.clear()
for n in [2, 3, 4, 5]:
    triple(torch.ones(n))
print("dynamic=True, lengths 2, 3, 4, 5 -> graphs compiled:", len(graphs))
