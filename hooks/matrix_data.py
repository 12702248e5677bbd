"""The verification matrix: what the committed run records (docs/verification/runs/*.json, written by
`make test-matrix`, see noxfile.py and tests/gate/matrix.py) say about each example, as data for
hooks/verified_with.py to render. No MkDocs here: plain functions, tested in tests/test_matrix_data.py.

A record is one run of every example: another Python, an older release line of one framework, another
Keras backend, or the spawn start method. What counts:

- A result counts for an example only while the example's snippet files are byte for byte the ones
  that ran (sha256); an example changed since is "changed since", never shown as verified there.
- A record made with other pins than requirements.txt's (the frameworks it did not vary) is stale as a
  whole: listed as such, and left out of every range.
- A timeout is not a finding (a loaded machine): it is shown, but never makes a version floor.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LABELS = {"torch": "PyTorch", "tensorflow": "TensorFlow", "keras": "Keras", "jax": "JAX"}
BACKEND_LABELS = {"tensorflow": "TensorFlow", "torch": "PyTorch", "jax": "JAX"}
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*\{?\.?(?:python3?|py)\b")
INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+["'](snippets/[^"']+)["']""")


def version_key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else 0 for part in re.split(r"[.+]", version))


def minor(version: str) -> str:
    """2.13.0 -> 2.13 (what a reader calls a release line)."""
    return ".".join(version.split(".")[:2])


def project_python(root: Path) -> str:
    """The project's Python (.python-version), else the one running (a site without the file)."""
    try:
        return (root / ".python-version").read_text(encoding="utf-8").strip()
    except OSError:
        return f"{sys.version_info[0]}.{sys.version_info[1]}"


def requirement_pins(root: Path) -> dict[str, str]:
    pins = {}
    path = root / "requirements.txt"
    for line in path.read_text().splitlines() if path.exists() else []:
        match = re.match(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==([^\s#;]+)", line)
        if match and match[1].lower() in LABELS:
            pins[match[1].lower()] = match[2]
    return pins


def file_hash(root: Path, snippet: str) -> str:
    try:
        return hashlib.sha256((root / snippet).read_bytes()).hexdigest()
    except OSError:
        return ""


@dataclass
class Run:
    name: str  # the record's file name without .json: torch-2.13, python-3.11, keras-jax, spawn
    record: dict
    axis: str  # framework name (torch...), "python", "backend" or "spawn"
    value: str  # the version, Python, backend or start method it varied
    stale: str = ""  # why the whole record does not count, or ""

    @property
    def title(self) -> str:
        if self.axis in LABELS:
            return f"{LABELS[self.axis]} {minor(self.value)}"
        if self.axis == "python":
            return f"Python {minor(self.value)}"
        if self.axis == "backend":
            return f"Keras on {BACKEND_LABELS.get(self.value, self.value)}"
        return f"start method {self.value}"


def classify(name: str, record: dict, pins: dict[str, str], project_python: str) -> Run:
    versions = record.get("versions", {})
    if record.get("keras_backend", "tensorflow") != "tensorflow":
        axis, value = "backend", record["keras_backend"]
    elif record.get("start_method", "default") != "default":
        axis, value = "spawn", record["start_method"]
    elif minor(record.get("python", "")) != project_python:
        axis, value = "python", record["python"]
    elif name.split("-")[0] in LABELS and name.split("-")[0] in versions:
        # A release line (noxfile.py VERSION_LINES): named for the framework it varies; another one
        # may differ where that release needs it (TF 2.19's numpy keeps JAX 0.12 out).
        axis = name.split("-")[0]
        value = versions[axis]
    else:
        varied = [name for name, pin in pins.items() if versions.get(name) not in (None, pin)]
        axis, value = (varied[0], versions[varied[0]]) if len(varied) == 1 else ("other", "")
    run = Run(name, record, axis, value)
    if record.get("pins") != pins:
        old = ", ".join(
            f"{LABELS[k]} {v}"
            for k, v in sorted(record.get("pins", {}).items())
            if pins.get(k) != v
        )
        run.stale = f"made with other pins ({old or 'unknown'}) than today's"
    elif axis == "other":
        run.stale = "varies more than one framework"
    return run


def load_runs(folder: Path, root: Path, project_python: str) -> list[Run]:
    pins = requirement_pins(root)
    runs = []
    for path in sorted(folder.glob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if record.get("kind") == "matrix-run":
            runs.append(classify(path.stem, record, pins, project_python))
    order = {"python": 1, "backend": 2, "spawn": 3}
    return sorted(runs, key=lambda r: (order.get(r.axis, 0), r.axis, version_key(r.value)))


@dataclass
class Example:
    page: str  # docs/guide/x.md
    fence_line: int  # 0-based line of its opening fence in the page's Markdown
    indent: str
    snippets: list[str]


def examples_of(page: str, markdown: str) -> list[Example]:
    """The page's Python blocks that include snippets, in order (the Markdown before includes)."""
    found, lines, index = [], markdown.splitlines(), 0
    while index < len(lines):
        match = FENCE_OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        start, fence, snippets = index, match["fence"], []
        index += 1
        while index < len(lines) and not lines[index].strip().startswith(fence):
            include = INCLUDE.match(lines[index])
            if include:
                snippets.append(include[1])
            index += 1
        if snippets:
            found.append(Example(page, start, match["indent"], sorted(set(snippets))))
        index += 1
    return found


@dataclass
class Cell:
    """One example in one run."""

    status: str  # passed | failed | timeout | changed | not run
    error: str = ""


def cell(run: Run, example: Example, root: Path) -> Cell:
    results = [
        r
        for r in run.record.get("results", [])
        if r["page"] == example.page and r["kind"] == "example"
    ]
    return result_cell(results, example.snippets, root)


def notebook_cell(run: Run, page: str, notebook: str, root: Path) -> Cell:
    """A page notebook in one run: its result counts while every snippet it ran is unchanged."""
    results = [
        r
        for r in run.record.get("results", [])
        if r["kind"] == "notebook" and r["page"] == page and r.get("notebook") == notebook
    ]
    return result_cell(results, results[0]["snippets"] if results else [], root)


def result_cell(results: list[dict], snippets, root: Path) -> Cell:
    """The cell of the result among `results` that ran exactly these snippet files as they are now."""
    now = {snippet: file_hash(root, snippet) for snippet in snippets}
    same_files = None
    for result in results:
        if set(result["snippets"]) != set(now):
            continue
        if result["snippets"] == now:
            outcome, error = result["outcome"], result.get("error", "")
            if outcome == "failed" and error.startswith("Timeout (>"):  # pytest-timeout's net
                outcome = "timeout"
            return Cell(outcome, error)
        same_files = result
    return Cell("changed") if same_files else Cell("not run")


@dataclass
class ExampleStatus:
    example: Example
    cells: dict[str, Cell] = field(default_factory=dict)  # by run name
    floors: dict[str, tuple[str, str, str]] = field(
        default_factory=dict
    )  # axis: (needs, failed on, error)
    python_failures: list[tuple[str, str]] = field(default_factory=list)  # (Python, error)
    backends: dict[str, Cell] = field(default_factory=dict)  # backend: cell, agnostic examples only
    changed: list[str] = field(default_factory=list)  # run titles it changed since


def example_status(example: Example, runs: list[Run], pins: dict[str, str], root: Path):
    status = ExampleStatus(example)
    for run in runs:
        if run.stale:
            continue
        result = cell(run, example, root)
        status.cells[run.name] = result
        if result.status == "changed":
            status.changed.append(run.title)
        if run.axis == "python" and result.status == "failed":
            status.python_failures.append((run.value, result.error))  # 3.13.0: the patch matters
        if run.axis == "backend" and result.status != "not run":
            status.backends[run.value] = result
    for axis in LABELS:
        tried = sorted(
            (r for r in runs if r.axis == axis and not r.stale), key=lambda r: version_key(r.value)
        )
        failed = [r for r in tried if status.cells[r.name].status == "failed"]
        if not failed:
            continue
        newest_failure = failed[-1]
        passed_above = [
            r
            for r in tried
            if version_key(r.value) > version_key(newest_failure.value)
            and status.cells[r.name].status == "passed"
        ]
        needs = minor(passed_above[0].value) if passed_above else minor(pins.get(axis, ""))
        status.floors[axis] = (
            needs,
            minor(newest_failure.value),
            status.cells[newest_failure.name].error,
        )
    return status


def page_ranges(
    statuses: list[ExampleStatus], runs: list[Run], pins: dict[str, str], project_python: str
) -> dict[str, tuple[str, str]]:
    """Per framework, the oldest release line on which every example of the page that has no floor of
    its own passed, and every line between it and the pin: {"torch": ("2.13", "2.15"), ...}; "python"
    likewise around the project's Python. A run that an example changed since cannot widen a range."""
    ranges = {}
    for axis in [*LABELS, "python"]:
        tried = sorted(
            (r for r in runs if r.axis == axis and not r.stale),
            key=lambda r: version_key(r.value),
        )
        if axis == "python":
            passing = [project_python] + [
                minor(r.value)
                for r in tried
                if statuses and all(s.cells[r.name].status == "passed" for s in statuses)
            ]
            passing.sort(key=version_key)
            ranges[axis] = (passing[0], passing[-1])
            continue
        if axis not in pins:
            continue
        ran = [r for r in tried if any(s.cells[r.name].status != "not run" for s in statuses)]
        if tried and not ran:
            continue  # no example of the page runs this framework
        oldest = minor(pins[axis])
        for run in reversed(tried):
            if version_key(run.value) >= version_key(pins[axis]):
                continue
            # "not run": the example does not run that framework (the run took only those that do)
            cells = [
                s.cells[run.name]
                for s in statuses
                if axis not in s.floors and s.cells[run.name].status != "not run"
            ]
            if all(c.status == "passed" for c in cells):
                oldest = minor(run.value)
            else:
                break
        ranges[axis] = (oldest, minor(pins[axis]))
    return ranges
