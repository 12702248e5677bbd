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

# The gate's line coverage (worker.py, start_coverage): a Python process the example starts measures
# the example's file too (multiprocessing "spawn" workers run its functions), into the example's out_dir.
if os.environ.get("GATE_COVERAGE"):
    import atexit
    import json

    import coverage

    _settings = json.loads(os.environ["GATE_COVERAGE"])
    _coverage = coverage.Coverage(
        data_file=None, include=[_settings["script"]], config_file=_settings["config"]
    )
    _coverage.start()

    def _save_coverage():
        _coverage.stop()
        lines = _coverage.get_data().lines(_settings["script"]) or []
        path = os.path.join(_settings["out"], f"coverage-{os.getpid()}.json")
        with open(path, "w") as handle:
            json.dump(sorted(lines), handle)

    atexit.register(_save_coverage)
