import inspect
import logging
import warnings

import numpy as np
import onnxruntime as ort
import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).eval()
x = torch.randn(3, 4)

# torch.onnx.export runs torch.export, then translates the graph to ONNX
# operators: that is dynamo=True, the default.
default = inspect.signature(torch.onnx.export).parameters["dynamo"].default
print("torch.onnx.export(dynamo=...) default:", default)
# For this export only: torch 2.13 trips a FutureWarning of its own, and
# logs a note for each torchvision op when torchvision is not installed.
onnx_log = logging.getLogger("torch.onnx")
with warnings.catch_warnings():
    warnings.filterwarnings("ignore", ".*LeafSpec", FutureWarning)
    onnx_log.setLevel(logging.ERROR)
    torch.onnx.export(
        model,
        (x,),
        "model.onnx",
        input_names=["features"],
        verbose=False,
        dynamic_shapes={"input": {0: "batch"}},
    )
onnx_log.setLevel(logging.NOTSET)

# Any ONNX runtime can run it; here ONNX Runtime on the CPU, from NumPy.
cpu = ["CPUExecutionProvider"]
session = ort.InferenceSession("model.onnx", providers=cpu)
(onnx_out,) = session.run(None, {"features": x.numpy()})
with torch.no_grad():
    expected = model(x).numpy()
np.testing.assert_allclose(onnx_out, expected, rtol=1e-5, atol=1e-6)
print("ONNX Runtime matches; input shape:", session.get_inputs()[0].shape)
