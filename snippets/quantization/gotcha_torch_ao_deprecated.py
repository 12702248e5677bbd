import warnings

import torch
from torch import nn
from torch.ao.quantization import quantize_dynamic

model = nn.Sequential(nn.Linear(64, 10)).eval()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
# The first sentence of each distinct warning
messages = {(w.category.__name__, str(w.message)) for w in caught}
for category, message in sorted(messages):
    print(f"{category}: {message.split('. ')[0]}")
