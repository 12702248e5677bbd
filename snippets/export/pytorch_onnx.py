import inspect
import logging
import os
import tempfile

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
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "model.onnx")
    # Without torchvision installed, the exporter logs a warning for each
    # torchvision op it skips: quiet its logger for the export.
    onnx_log = logging.getLogger("torch.onnx")
    level = onnx_log.level
    onnx_log.setLevel(logging.ERROR)
    try:
        torch.onnx.export(
            model,
            (x,),
            path,
            input_names=["features"],
            verbose=False,
            dynamic_shapes={"input": {0: "batch"}},
        )
    finally:
        onnx_log.setLevel(level)

    # Any ONNX runtime can run it; here ONNX Runtime on the CPU, from NumPy.
    cpu = ["CPUExecutionProvider"]
    session = ort.InferenceSession(path, providers=cpu)
    (onnx_out,) = session.run(None, {"features": x.numpy()})
with torch.no_grad():
    expected = model(x).numpy()
np.testing.assert_allclose(onnx_out, expected, rtol=1e-5, atol=1e-6)
print("ONNX Runtime matches; input shape:", session.get_inputs()[0].shape)
