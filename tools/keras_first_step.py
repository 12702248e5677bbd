"""`make keras-first-step`: time Keras's first training step on each backend, for the multi-backend page.

Runs snippets/keras_backends/first_step.py (the example the page shows) in a fresh interpreter per
backend, RUNS times each, and writes the medians, with the machine, its load and the versions, to
snippets/keras_backends/first_step_times.md, which the page includes. Nothing is typed by hand: rerun it
on a quiet machine to refresh the table. Like `make bench`, it first waits for an idle machine
(bench/machine.py: load average and a calibration loop) and refuses a busy one, exit status 3.
"""

import datetime
import importlib.metadata
import os
import platform
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import machine  # noqa: E402

EXAMPLE = ROOT / "snippets" / "keras_backends" / "first_step.py"
TABLE = ROOT / "snippets" / "keras_backends" / "first_step_times.md"
BACKENDS = {"tensorflow": "TensorFlow", "torch": "PyTorch", "jax": "JAX"}
RUNS = 3


def measure(backend: str) -> tuple[float, float]:
    env = {**os.environ, "KERAS_BACKEND": backend, "TF_CPP_MIN_LOG_LEVEL": "3"}
    firsts, laters = [], []
    for _ in range(RUNS):
        result = subprocess.run(
            [sys.executable, str(EXAMPLE)], env=env, capture_output=True, text=True, check=True
        )
        assert f"backend: {backend}" in result.stdout, result.stdout
        firsts.append(float(re.search(r"first step: ([\d.]+) ms", result.stdout)[1]))
        laters.append(float(re.search(r"median: ([\d.]+) ms", result.stdout)[1]))
    return statistics.median(firsts), statistics.median(laters)


def cpu_name() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def main() -> int:
    go, check = machine.preflight(allow_load=False, wait_s=240, log=print)
    if not go:
        print(
            "keras-first-step: the machine is busy (" + "; ".join(check["busy"]) + "): not measured"
        )
        return machine.BUSY_EXIT_STATUS
    load = os.getloadavg()[0]
    rows = [(label, *measure(backend)) for backend, label in BACKENDS.items()]
    after = os.getloadavg()[0]
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("keras", "tensorflow", "torch", "jax")
    )
    lines = [
        "| Backend | First step | Next 10 steps (median) |",
        "| --- | ---: | ---: |",
        *(f"| {label} | {first:.0f} ms | {later:.1f} ms |" for label, first, later in rows),
        "",
        f"Medians of {RUNS} runs of the example above in a fresh `python` each, on the CPU "
        f"({cpu_name()}, {os.cpu_count()} cores, load average {load:.1f} before and {after:.1f} after), "
        f"{datetime.date.today():%Y-%m-%d}; {versions}.",
    ]
    TABLE.write_text("\n".join(lines) + "\n")
    print(TABLE.read_text(), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
