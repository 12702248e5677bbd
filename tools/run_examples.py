#!/usr/bin/env python3
"""Run every example of the site the plain way a reader does, on any OS: its code in a file, in a new
temporary folder, `python file.py`. It fails on a non-zero exit or a Python warning on stderr.

The gate (tests/gate/) checks far more (shown output, every line run, offline, device use) but forks
warm workers, which only POSIX offers; this is what the macOS and Windows CI jobs run.

    python tools/run_examples.py [--timeout 300] [--only docs/guide/data.md]

An example whose framework is not installed on this OS is listed as not run, with the missing import.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WARNING_LINE = re.compile(r"^\S.*:\d+: \w*Warning: ", re.M)
MISSING_MODULE = re.compile(r"ModuleNotFoundError: No module named '([\w.]+)'")


def load_examples_of():
    spec = importlib.util.spec_from_file_location("matrix_data", ROOT / "hooks" / "matrix_data.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.examples_of


def run(snippets: list[str], timeout: float) -> tuple[str, str]:
    code = "\n".join((ROOT / s).read_text(encoding="utf-8") for s in snippets)
    name = Path(snippets[0]).name if len(snippets) == 1 else "example.py"
    env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    with tempfile.TemporaryDirectory(prefix="example-") as folder:
        script = Path(folder, name)
        script.write_text(code, encoding="utf-8")
        try:
            done = subprocess.run(
                [sys.executable, script.name],
                cwd=folder,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=timeout,
            )
        except subprocess.TimeoutExpired:
            return "timeout", f"more than {timeout:.0f} s"
    missing = MISSING_MODULE.search(done.stderr)
    if done.returncode and missing:
        return "not run", f"needs {missing[1]}"
    if done.returncode:
        lines = [line for line in done.stderr.strip().splitlines() if line.strip()]
        return "failed", lines[-1] if lines else f"exit status {done.returncode}"
    warning = WARNING_LINE.search(done.stderr)
    if warning:
        line = done.stderr[warning.start() :].splitlines()[0]
        return "failed", f"warning: {line}"
    return "passed", ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--only", action="append", default=[], help="a page (repeatable)")
    args = parser.parse_args()
    examples_of = load_examples_of()
    pages = sorted((ROOT / "docs").rglob("*.md"))
    if args.only:
        pages = [ROOT / page for page in args.only]
    counts: dict[str, int] = {}
    failures = []
    for page in pages:
        relative = page.relative_to(ROOT).as_posix()
        for example in examples_of(relative, page.read_text(encoding="utf-8")):
            started = time.monotonic()
            status, detail = run(example.snippets, args.timeout)
            counts[status] = counts.get(status, 0) + 1
            where = f"{relative}:{example.fence_line + 1} ({', '.join(example.snippets)})"
            seconds = time.monotonic() - started
            print(f"{status:8} {seconds:6.1f} s  {where}" + (f": {detail}" if detail else ""))
            sys.stdout.flush()
            if status in ("failed", "timeout"):
                failures.append(f"{where}: {detail}")
    print(", ".join(f"{n} {status}" for status, n in sorted(counts.items())))
    for failure in failures:
        print(f"FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
