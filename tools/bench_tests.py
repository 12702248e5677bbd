"""`make bench-tests`: how long contributors wait for the whole suite, and what the gate costs per example.

Prints: the floor (one interpreter importing torch + TensorFlow + Keras), the whole `pytest` wall time,
the number of examples run, and the gate's own cost per example (fork + run + report of an empty example
in a warm worker) next to what a fresh interpreter per example would cost.
"""

import statistics
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.gate.runner import ExampleRunner  # noqa: E402

FRAMEWORKS = ["numpy", "torch", "tensorflow", "keras", "sklearn"]


def timed(command: list[str], **kwargs) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=False, **kwargs)
    return time.perf_counter() - started, result


def main() -> None:
    floor, _ = timed([sys.executable, "-c", "import " + ", ".join(FRAMEWORKS)])

    runner = ExampleRunner(preload=FRAMEWORKS)
    runner.run("pass\n", "warm_up.py", 60)  # starts the worker: the floor, paid once per process
    overheads = []
    for _ in range(10):
        started = time.perf_counter()
        runner.run("pass\n", "empty.py", 60)
        overheads.append(time.perf_counter() - started)
    runner.close()
    fresh, _ = timed([sys.executable, "-c", "import " + ", ".join(FRAMEWORKS)])

    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch, "report.xml")
        suite, result = timed(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", f"--junitxml={report}"],
            cwd=ROOT,
        )
        cases = list(ET.parse(report).iter("testcase")) if report.exists() else []
    examples = [c for c in cases if c.get("classname", "").startswith("docs.")]
    outcome = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "no output"

    rows = [
        ("whole suite (pytest, wall)", f"{suite:.1f} s", outcome),
        ("tests collected", str(len(cases)), ""),
        ("examples run (docs/ items)", str(len(examples)), ""),
        ("floor: import torch+TF+Keras once", f"{floor:.2f} s", "paid once per worker process"),
        (
            "gate cost per example (warm fork)",
            f"{statistics.median(overheads) * 1000:.0f} ms",
            "median of 10",
        ),
        ("fresh interpreter per example", f"{fresh:.2f} s", "what the fork saves, per example"),
    ]
    width = max(len(r[0]) for r in rows)
    for name, value, note in rows:
        print(f"{name:<{width}}  {value:>10}  {note}")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
