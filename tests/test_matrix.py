"""The verification matrix as data (hooks/matrix_data.py), the notes the site shows from it
(hooks/verified_with.py), how noxfile.py writes an older release's requirements, and the page warning
for facts checked more than 6 months ago (hooks/sources.py). Records here are made by hand: what the
real runs write is tests/gate/matrix.py's, checked by the runs themselves."""

import datetime as dt
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


matrix_data = load("matrix_data", ROOT / "hooks" / "matrix_data.py")
sources = load("sources_hook", ROOT / "hooks" / "sources.py")
PINS = {"torch": "2.15.0", "tensorflow": "2.21.0", "keras": "3.15.1", "jax": "0.12.0.1"}
PAGE = "docs/guide/demo.md"
MARKDOWN = """# Demo

=== "PyTorch"

    ```python
    --8<-- "snippets/demo/new_api.py"
    ```

```python
--8<-- "snippets/demo/plain.py"
```
"""


@pytest.fixture
def site(tmp_path):
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "snippets" / "demo" / "new_api.py").write_text("print('new')\n")
    (tmp_path / "snippets" / "demo" / "plain.py").write_text("print('plain')\n")
    pins = "\n".join(f"{k}=={v}" for k, v in PINS.items()).replace("jax==", "jax[cpu]==")
    (tmp_path / "requirements.txt").write_text(pins + "\n")
    (tmp_path / "runs").mkdir()
    return tmp_path


def digest(root: Path, snippet: str) -> str:
    return hashlib.sha256((root / snippet).read_bytes()).hexdigest()


def record(root, name, versions, outcomes, pins=PINS, **extra):
    results = []
    for snippet, outcome in outcomes.items():
        entry = {
            "page": PAGE,
            "line": 1,
            "kind": "example",
            "snippets": {snippet: digest(root, snippet)},
        }
        entry["outcome"] = outcome if isinstance(outcome, str) else outcome[0]
        if not isinstance(outcome, str):
            entry["error"] = outcome[1]
        results.append(entry)
    data = {"kind": "matrix-run", "date": "2026-12-03T00:00:00+00:00", "python": "3.12.1"}
    data |= {"platform": "Linux x86_64", "versions": {**PINS, **versions}, "pins": pins}
    data |= {"keras_backend": "tensorflow", "start_method": "default", "results": results, **extra}
    (root / "runs" / f"{name}.json").write_text(json.dumps(data))


NEW, PLAIN = "snippets/demo/new_api.py", "snippets/demo/plain.py"


def statuses(root):
    runs = matrix_data.load_runs(root / "runs", root, "3.12")
    examples = matrix_data.examples_of(PAGE, MARKDOWN)
    pins = matrix_data.requirement_pins(root)
    return runs, [matrix_data.example_status(e, runs, pins, root) for e in examples]


def test_a_failure_on_an_older_release_is_a_floor_and_the_page_range_leaves_it_out(site):
    error = "AttributeError: module 'torch' has no attribute 'new_api'"
    record(site, "torch-2.13", {"torch": "2.13.0"}, {NEW: ("failed", error), PLAIN: "passed"})
    record(site, "torch-2.14", {"torch": "2.14.1"}, {NEW: "passed", PLAIN: "passed"})
    runs, found = statuses(site)
    assert [r.title for r in runs] == ["PyTorch 2.13", "PyTorch 2.14"]
    assert found[0].floors == {"torch": ("2.14", "2.13", error)}
    assert found[1].floors == {}
    ranges = matrix_data.page_ranges(found, runs, matrix_data.requirement_pins(site), "3.12")
    assert ranges["torch"] == ("2.13", "2.15")


def test_a_timeout_is_never_a_floor_and_stops_the_range(site):
    record(
        site,
        "torch-2.13",
        {"torch": "2.13.0"},
        {NEW: ("timeout", "more than 60 s"), PLAIN: "passed"},
    )
    runs, found = statuses(site)
    assert found[0].floors == {}
    ranges = matrix_data.page_ranges(found, runs, matrix_data.requirement_pins(site), "3.12")
    assert ranges["torch"] == ("2.15", "2.15")


def test_an_example_changed_since_a_run_is_not_verified_by_it(site):
    record(site, "tensorflow-2.19", {"tensorflow": "2.19.1"}, {NEW: "passed", PLAIN: "passed"})
    (site / PLAIN).write_text("print('plain, edited')\n")
    runs, found = statuses(site)
    assert found[1].cells["tensorflow-2.19"].status == "changed"
    assert found[1].changed == ["TensorFlow 2.19"]
    ranges = matrix_data.page_ranges(found, runs, matrix_data.requirement_pins(site), "3.12")
    assert ranges["tensorflow"] == ("2.21", "2.21")


def test_a_record_made_with_other_pins_is_stale_and_counts_for_nothing(site):
    old_pins = {**PINS, "keras": "3.14.1"}
    record(
        site, "torch-2.13", {"torch": "2.13.0", "keras": "3.14.1"}, {NEW: "passed"}, pins=old_pins
    )
    runs, found = statuses(site)
    assert runs[0].stale.startswith("made with other pins (Keras 3.14.1)")
    assert found[0].cells == {}


def test_other_pythons_and_backends_are_their_own_axes(site):
    record(site, "python-3.13", {}, {NEW: ("failed", "DeprecationWarning: x"), PLAIN: "passed"})
    (site / "runs" / "python-3.13.json").write_text(
        (site / "runs" / "python-3.13.json").read_text().replace('"3.12.1"', '"3.13.0"')
    )
    record(site, "keras-jax", {}, {PLAIN: "passed"}, keras_backend="jax")
    runs, found = statuses(site)
    assert {r.name: r.axis for r in runs} == {"python-3.13": "python", "keras-jax": "backend"}
    assert found[0].python_failures == [("3.13.0", "DeprecationWarning: x")]
    assert found[1].backends["jax"].status == "passed"
    ranges = matrix_data.page_ranges(found, runs, matrix_data.requirement_pins(site), "3.12")
    assert ranges["python"] == ("3.12", "3.12")  # one example fails on 3.13


def test_nox_replaces_one_pin_and_drops_the_ones_that_release_cannot_have():
    noxfile = pytest.importorskip("nox") and load("project_noxfile", ROOT / "noxfile.py")
    text = noxfile.requirements_with({"tensorflow": "2.19.1"}, ("numpy",))
    names = [noxfile.requirement_name(line) for line in text.splitlines()]
    assert "tensorflow==2.19.1" in text.splitlines()
    assert names.count("tensorflow") == 1 and "numpy" not in names  # pinned names only
    assert "numpy" in text.splitlines()  # still installed, unpinned
    assert "keras" in names  # everything else stays pinned


FACT = "Ships monthly ([release notes, checked {month}](https://example.org/notes))."


@pytest.mark.parametrize(
    ("checked", "warned"), [("2026-06", False), ("2026-05", True), ("2025-12", True)]
)
def test_facts_checked_more_than_six_months_ago_warn_the_reader(checked, warned):
    page = "# Title\n\n" + FACT.format(month=checked) + "\n"
    notice = sources.ageing_notice(page, dt.date(2026, 12, 3))
    assert bool(notice) == warned
    if warned:
        shown = sources.with_notice(page, notice)
        assert shown.startswith("# Title\n\n!!! warning")
        assert "more than 6 months ago" in shown


# --------------------------------------------------------------------------------------------------
# What the gate's modes select (tests/gate/matrix.py) and the spawn default (start_method.py)

from tests.gate import matrix as gate_matrix  # noqa: E402


@pytest.mark.parametrize(
    ("code", "agnostic"),
    [
        ("import keras\nmodel = keras.Sequential()\n", True),
        ("import numpy as np\nimport keras\n", True),
        ("import os\nos.environ['KERAS_BACKEND'] = 'torch'\nimport keras\n", False),
        ("import keras\nimport tensorflow as tf\n", False),
        ("import torch\n", False),
    ],
)
def test_backend_agnostic_keras_examples(code, agnostic):
    assert gate_matrix.is_backend_agnostic(code) == agnostic


@pytest.mark.parametrize(
    ("code", "starts"),
    [
        ("import torch.multiprocessing as mp\nmp.spawn(train, nprocs=2)\n", True),
        ("loader = DataLoader(data, num_workers=2)\n", True),
        ("loader = DataLoader(data, num_workers=0)\n", False),
        ("import subprocess\n", True),
        ("print('no processes')\n", False),
    ],
)
def test_examples_that_start_processes(code, starts):
    assert gate_matrix.starts_processes(code) == starts


def test_spawn_becomes_the_default_and_an_example_may_still_choose(tmp_path):
    import subprocess

    script = tmp_path / "check.py"
    script.write_text(
        "import multiprocessing as mp\n"
        "import sys\n"
        "print(mp.get_start_method(allow_none=True))\n"
        "if sys.argv[1:] == ['choose']:\n"
        "    mp.set_start_method('forkserver')\n"
        "print(mp.get_start_method())\n"
    )
    guard = ROOT / "tests" / "gate" / "subprocess_guard"
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(guard), "GATE_START_METHOD": "spawn"}
    outputs = [
        subprocess.run(
            [sys.executable, str(script), *args],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for args in ([], ["choose"])
    ]
    assert outputs == [["None", "spawn"], ["None", "forkserver"]]


@pytest.mark.parametrize(
    ("longrepr", "line"),
    [
        (
            "x.md:3: the example failed\n  at y\nAttributeError: no attribute 'a'",
            "AttributeError: no attribute 'a'",
        ),
        (
            "x.md:3: the page shows output the example does not print\n---",
            "prints other output than the page shows",
        ),
        (
            "x.md:3: the example raised 1 warning(s)\n  DeprecationWarning: old\n    at z",
            "DeprecationWarning: old",
        ),
    ],
)
def test_the_first_line_of_an_error_is_what_the_reader_needs(longrepr, line):
    assert gate_matrix.first_line_of_error(longrepr) == line
