"""Python imports `sitecustomize` at start-up; the gate puts this folder first on PYTHONPATH for examples,
so a Python process an example starts (subprocess, multiprocessing worker) is offline like the example.

This shadows any other sitecustomize, inside examples only; the pinned environment has none.
"""

import importlib.util
import os

_GATE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _gate_module(name: str):
    """A module of tests/gate by its file: the gate is no package here, and imports nothing else."""
    spec = importlib.util.spec_from_file_location(
        f"_gate_{name}", os.path.join(_GATE, f"{name}.py")
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_gate_module("network_guard").block_network()

# The gate's line coverage (line_coverage.py): a Python process the example starts measures the example's
# file too (multiprocessing "spawn" and "forkserver" workers run its functions).
if os.environ.get("GATE_COVERAGE"):
    _gate_module("line_coverage").start_in_subprocess()

# `--start-method=spawn` (start_method.py): the processes an example starts default to that method too.
if os.environ.get("GATE_START_METHOD"):
    _gate_module("start_method").set_default_start_method()
