"""Python imports `sitecustomize` at start-up; the gate puts this folder first on PYTHONPATH for examples,
so a Python process an example starts (subprocess, multiprocessing worker) is offline like the example.

This shadows any other sitecustomize, inside examples only; the pinned environment has none.
"""

import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "_gate_network_guard",
    os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "network_guard.py"),
)
_guard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_guard)
_guard.block_network()

# The gate's line coverage (line_coverage.py): a Python process the example starts measures the example's
# file too (multiprocessing "spawn" and "forkserver" workers run its functions).
if os.environ.get("GATE_COVERAGE"):
    _spec = importlib.util.spec_from_file_location(
        "_gate_line_coverage",
        os.path.join(
            os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "line_coverage.py"
        ),
    )
    _coverage = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_coverage)
    _coverage.start_in_subprocess()

# `--start-method=spawn` (start_method.py): the processes an example starts default to that method too.
if os.environ.get("GATE_START_METHOD"):
    _spec = importlib.util.spec_from_file_location(
        "_gate_start_method",
        os.path.join(
            os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "start_method.py"
        ),
    )
    _matrix = importlib.util.module_from_spec(_spec)
    _spec.loader.exec_module(_matrix)
    _matrix.set_default_start_method()
