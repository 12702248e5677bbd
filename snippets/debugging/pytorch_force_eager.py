import torch

graphs = []


def counting_backend(graph_module, example_inputs):
    graphs.append(graph_module)  # called once per graph captured
    return graph_module.forward


@torch.compile(backend=counting_backend)
def step(x):
    # True while TorchDynamo captures the function, False in plain Python.
    print("captured:", torch.compiler.is_compiling())
    return torch.relu(x) * 2


# force_eager runs every torch.compile'd function as plain Python, with
# no edit to the code: breakpoints and prints see every call.
with torch.compiler.set_stance("force_eager"):
    step(torch.ones(2))
print("graphs under force_eager:", len(graphs))
step(torch.ones(2))  # the default stance again: captured
print("graphs after:", len(graphs))
