import logging
import warnings

import numpy as np
import onnxruntime as ort
import torch
from torch import nn

# torch 2.13's exporter copies pytree specs, which trips a FutureWarning inside torch itself,
# and it logs a note per torchvision op when torchvision is not installed. Both are harmless.
warnings.filterwarnings("ignore", r".*LeafSpec.* is deprecated", FutureWarning)
logging.getLogger("torch.onnx").setLevel(logging.ERROR)

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)

# dynamo=True: export with torch.export, then translate the graph to ONNX operators.
torch.onnx.export(
    model,
    (x,),
    "model.onnx",
    dynamo=True,
    verbose=False,
    input_names=["features"],
    dynamic_shapes={"input": {0: "batch"}},
)

# Any ONNX runtime can run it; here ONNX Runtime on the CPU, from NumPy arrays.
session = ort.InferenceSession("model.onnx", providers=["CPUExecutionProvider"])
(onnx_out,) = session.run(None, {"features": x.numpy()})
with torch.no_grad():
    np.testing.assert_allclose(onnx_out, model(x).numpy(), rtol=1e-5, atol=1e-6)
print("ONNX Runtime matches PyTorch; input shape:", session.get_inputs()[0].shape)
