import warnings

import torch

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    with torch.autograd.detect_anomaly():
        pass
print(caught[0].category.__name__ + ":", caught[0].message)
