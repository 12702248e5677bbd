import warnings

import torch

x = torch.tensor([4.0, -1.0], requires_grad=True)

# Without anomaly detection, a NaN gradient passes silently.
torch.sqrt(x).sum().backward()
print("gradient:", x.grad.tolist())

# detect_anomaly() checks every backward op for NaN and remembers where
# each forward op was called. It reports through warnings; they are
# collected here to show what you would see.
x.grad = None
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        with torch.autograd.detect_anomaly():
            y = torch.sqrt(x)
            y.sum().backward()
    except RuntimeError as error:
        print("RuntimeError:", error)

for warning in caught:
    lines = [line.strip() for line in str(warning.message).splitlines()]
    print("warning:", lines[0])
    for line in lines[1:]:
        # The forward line, in the traceback that anomaly mode recorded.
        if line.startswith("y ="):
            print("   ", line)
