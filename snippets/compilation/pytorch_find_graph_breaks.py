import torch


def scale(x):
    y = x * 2
    # A branch on a tensor's value: TorchDynamo has to break the graph.
    if y.sum() < 0:
        y = -y
    return y + 1


# explain() runs the function once under TorchDynamo and reports the
# graphs it captured, the breaks between them, and where each break is.
report = torch._dynamo.explain(scale)(torch.tensor([1.0, -3.0]))
print("graphs:", report.graph_count, "| breaks:", report.graph_break_count)
for graph_break in report.break_reasons:
    frame = graph_break.user_stack[-1]  # the line of your code
    print(f"break in {frame.name}(): {frame.line}")
