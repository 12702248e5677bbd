"""Where the examples run beyond the default run: other Keras backends, the `spawn` start method, and
a record of every outcome for the site's verification matrix.

- `--keras-backend=jax` runs only the backend-agnostic Keras examples (they import Keras and no
  framework, and do not set KERAS_BACKEND), each on that backend. An example that is about one backend
  sets `os.environ["KERAS_BACKEND"]` itself, with a comment saying why: it then runs as written, and a
  reader who copies it gets that backend too.
- `--start-method=spawn` runs only the examples that start processes (DataLoader workers, DDP,
  multiprocessing, subprocess), with `spawn` as Python's default start method, as on macOS and
  Windows: a missing `if __name__ == "__main__":` guard or a POSIX-only start method fails here too.
- `--record=PATH` writes every example's and page notebook's outcome, with the hashes of the snippets
  it ran and the versions installed, as JSON (docs/verification/runs/, rendered by
  hooks/verified_with.py). noxfile.py runs these on other Pythons and framework releases.
"""

from __future__ import annotations

import datetime
import importlib.metadata
import importlib.util
import json
import platform
import re
import sys
from pathlib import Path

from .runner import KERAS_BACKEND_ASSIGNMENT, keras_backend_of

BACKENDS = ("tensorflow", "torch", "jax")
# <!--pytest.mark.one_keras_backend(reason="...")-->: an example about the backend the reader's
# environment chose (it cannot set KERAS_BACKEND itself); the page says so in its prose.
ONE_BACKEND_MARK = "one_keras_backend"
# <!--pytest.mark.all_keras_backends-->: a Keras example that also imports a framework (to compare
# with it) and still runs on every backend (porting/weights: PyTorch beside Keras on any backend).
ALL_BACKENDS_MARK = "all_keras_backends"
FRAMEWORK_PACKAGES = ("torch", "tensorflow", "keras", "jax")


def _load_matrix_data():
    """hooks/matrix_data.py, which the site renders the records with: one reading of the pins."""
    path = Path(__file__).resolve().parents[2] / "hooks" / "matrix_data.py"
    spec = importlib.util.spec_from_file_location("matrix_data", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


_matrix_data = _load_matrix_data()
requirement_pins = _matrix_data.requirement_pins

IMPORTS_KERAS = re.compile(r"^\s*(?:import keras\b|from keras\b)", re.M)
IMPORTS_A_FRAMEWORK = re.compile(
    r"^\s*(?:import|from)\s+(?:tensorflow|torch|jax|jaxlib|flax|tf_keras)\b", re.M
)
# What starts a process: multiprocessing and its wrappers, DataLoader / PyDataset workers, subprocess.
STARTS_PROCESSES = re.compile(
    r"\b(?:multiprocessing|mp\.spawn|start_processes|subprocess|ProcessPoolExecutor)\b"
    r"|\bnum_workers\s*=\s*[1-9]|\bworkers\s*=\s*[1-9][^\n]*use_multiprocessing\s*=\s*True"
)


def is_backend_agnostic(code: str) -> bool:
    """A Keras example a reader can run on any backend: Keras and no framework, no backend chosen."""
    return bool(
        IMPORTS_KERAS.search(code)
        and not IMPORTS_A_FRAMEWORK.search(code)
        and not KERAS_BACKEND_ASSIGNMENT.search(code)
    )


def starts_processes(code: str) -> bool:
    return bool(STARTS_PROCESSES.search(code))


def add_options(group) -> None:
    group.addoption(
        "--keras-backend",
        choices=BACKENDS,
        help="run only the backend-agnostic Keras examples, on this Keras backend",
    )
    group.addoption(
        "--start-method",
        choices=("spawn", "forkserver"),
        help="run only the examples that start processes, with this default start method",
    )
    group.addoption(
        "--record",
        metavar="PATH",
        help="write every example's outcome and the installed versions as JSON (the matrix)",
    )
    group.addoption("--record-label", default="", help="the run's name in the matrix")
    group.addoption(
        "--uses",
        choices=FRAMEWORK_PACKAGES,
        help="only the examples and notebooks that run this framework (an older release of it)",
    )
    group.addoption(
        "--timeout-factor",
        type=float,
        default=1.0,
        help="multiply every time limit (matrix runs check what runs, not how fast, on busy machines)",
    )
    group.addoption(
        "--record-update",
        metavar="OLD",
        help="run only what changed since the record OLD (same versions), keep its other results",
    )


def entry_key(entry: dict) -> tuple:
    """What a result is about: the page, the kind, the notebook, and the exact snippets it ran."""
    return (
        entry["page"],
        entry["kind"],
        entry.get("notebook", ""),
        tuple(sorted(entry["snippets"].items())),
    )


def previous_results(config) -> dict[tuple, dict]:
    """--record-update: the old record's results, by key, when it was made with these versions."""
    cached = getattr(config, "_matrix_previous", None)
    if cached is not None:
        return cached
    results: dict[tuple, dict] = {}
    path = config.getoption("--record-update")
    if path and Path(path).exists():
        old = json.loads(Path(path).read_text(encoding="utf-8"))
        same_run = (
            old.get("versions") == installed_versions()
            and old.get("pins") == requirement_pins(Path(config.rootpath))
            and old.get("python") == platform.python_version()
        )
        if same_run:
            results = {
                entry_key(entry): entry
                for entry in old.get("results", [])
                if entry["outcome"] != "timeout"  # a busy machine's verdict: run it again
            }
    config._matrix_previous = results
    return results


def unchanged_since_record(config, entry: dict) -> bool:
    """--record-update: this example or notebook ran, as it is now, in the old record: keep that."""
    return entry_key(entry) in previous_results(config)


IMPORTED = re.compile(r"^\s*(?:import|from)\s+(torch|tensorflow|keras|jax)\b", re.M)


def frameworks_run(code: str, backend: str | None = None) -> set[str]:
    """What an example runs: the frameworks it imports, and Keras's backend when it imports Keras."""
    found = set(IMPORTED.findall(code))
    if "keras" in found:
        found.add(backend or keras_backend_of(code))
    return found


def selects(config, code: str, marks: list[str], backend: str | None = None) -> bool:
    """Whether an example runs in this mode (always, in the default one)."""
    uses = config.getoption("--uses")
    if uses and uses not in frameworks_run(code, backend):
        return False
    if config.getoption("--keras-backend"):
        on_every_backend = is_backend_agnostic(code) or any(ALL_BACKENDS_MARK in m for m in marks)
        if not on_every_backend or any(ONE_BACKEND_MARK in mark for mark in marks):
            return False
    return not (config.getoption("--start-method") and not starts_processes(code))


def special_mode(config) -> bool:
    """A mode that runs a subset of the examples: the page checks and notebooks are not its job."""
    return bool(
        config.getoption("--keras-backend")
        or config.getoption("--start-method")
        or config.getoption("--uses")
    )


# --------------------------------------------------------------------------------------------------
# The record


def installed_versions() -> dict[str, str]:
    found = {}
    for package in FRAMEWORK_PACKAGES:
        try:
            found[package] = importlib.metadata.version(package).split("+")[0]
        except importlib.metadata.PackageNotFoundError:
            pass
    return found


def snippet_hashes(root: Path, snippets: list[str]) -> dict[str, str]:
    """What ran: the site compares these with the files as they are now (hooks/matrix_data.py)."""
    return {snippet: _matrix_data.file_hash(root, snippet) for snippet in snippets}


def result_entry(root: Path, page: str, line: int | None, kind: str, snippets: list[str]) -> dict:
    return {
        "page": page,
        "line": line,
        "kind": kind,  # example | notebook
        "snippets": snippet_hashes(root, snippets),
    }


def first_line_of_error(text: str) -> str:
    """The line a reader needs: what went wrong, not the traceback around it."""
    if "the page shows output the example does not print" in text:
        return "prints other output than the page shows"
    warning = re.search(r"raised \d+ warning\(s\)\n\s*(.+)", text)
    if warning:
        return warning[1].strip()[:300]
    candidates = [
        line.strip()
        for line in text.splitlines()
        if re.match(r"\s*[\w.]*(Error|Exception|Warning|Exit|Interrupt)\b.*:", line)
    ]
    if candidates:
        return candidates[-1][:300]
    # Under xdist the report starts with the worker's name: "[gw0] linux -- Python 3.12.1 ..."
    lines = [
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("[gw")
    ]
    return lines[0][:300] if lines else ""


_results: list[dict] = []


def is_pytest_timeout(text: str) -> bool:
    """pytest-timeout's own net (the runner's limit plus a margin) caught it."""
    return "from pytest-timeout" in text or text.lstrip().startswith("Timeout (>")


def collect(report) -> None:
    """pytest_runtest_logreport: keep the outcome of each recorded item (xdist sends the properties)."""
    if report.when != "call" and not (report.when == "setup" and report.skipped):
        return
    properties = dict(report.user_properties)
    if "matrix_entry" not in properties:
        return
    entry = {
        **properties["matrix_entry"],
        "outcome": "not run" if report.skipped else report.outcome,
    }
    if report.failed:
        # A time limit hit on a loaded machine says nothing about the release: not a version floor.
        timed_out = properties.get("matrix_status") == "timeout" or is_pytest_timeout(
            report.longreprtext
        )
        entry["outcome"] = "timeout" if timed_out else "failed"
        entry["error"] = first_line_of_error(report.longreprtext)
    _results.append(entry)


def carried_results(config) -> list[dict]:
    """--record-update: the old results this run did not redo, for what is still on the site as it
    was (the collection skipped exactly those)."""
    if not config.getoption("--record-update"):
        return []
    ran = {entry_key(entry) for entry in _results}
    root = Path(config.rootpath)
    return [
        entry
        for key, entry in previous_results(config).items()
        if key not in ran and still_current(root, entry)
    ]


def still_current(root: Path, entry: dict) -> bool:
    """The snippets the entry ran are unchanged, and its page still includes all of them."""
    if snippet_hashes(root, list(entry["snippets"])) != entry["snippets"]:
        return False
    try:
        page = (root / entry["page"]).read_text(encoding="utf-8")
    except OSError:
        return False
    return all(snippet in page for snippet in entry["snippets"])


def write_record(config) -> Path | None:
    path = config.getoption("--record")
    if not path or hasattr(config, "workerinput"):
        return None
    root = Path(config.rootpath)
    record = {
        "schema": 1,
        "kind": "matrix-run",
        "label": config.getoption("--record-label") or "",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": f"{platform.system()} {platform.machine()}",
        "versions": installed_versions(),
        "pins": requirement_pins(root),
        "keras_backend": config.getoption("--keras-backend") or "tensorflow",
        "start_method": config.getoption("--start-method") or "default",
        "results": sorted(
            _results + carried_results(config), key=lambda e: (e["page"], e["line"] or 0, e["kind"])
        ),
    }
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return target
