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
# dynamic, and that graph serves every length after it.
print("lengths 2, 3, 4, 5 -> graphs compiled:", len(graphs))
