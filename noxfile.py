"""Where the examples run beyond `make test`: other Pythons, other framework releases, the other Keras
backends and the `spawn` start method. Each session runs the examples and page notebooks (`pytest docs`)
and writes its record to docs/verification/runs/<name>.json, which the site renders: the stamp's
version ranges, "needs torch >= X" beside an example, the matrix on "How this site is verified".

    make test-matrix                  # all of them (nox -s pythons versions backends spawn)
    .venv/bin/nox -s versions         # the framework releases; one line: -s "versions(line='torch-2.13')"
    .venv/bin/nox -s pythons          # Python 3.11 and 3.13
    .venv/bin/nox -s backends spawn   # in the project's .venv: other Keras backends, spawn
    .venv/bin/nox -s versions -- --update   # re-run only the examples changed since the record

Environments are made by uv (its cache is shared, so the frameworks are downloaded once); a release
that cannot be installed stops its session with uv's reason and leaves its committed record untouched.
"""

from __future__ import annotations

import glob
import os
import re
import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
RUNS = ROOT / "docs" / "verification" / "runs"
PROJECT_PYTHON = (ROOT / ".python-version").read_text().strip()  # 3.12: Colab's, CI's, the venv's
OTHER_PYTHONS = ["3.11", "3.13"]

nox.options.default_venv_backend = "uv"
nox.options.sessions = ["pythons", "versions", "backends", "spawn"]
nox.options.reuse_existing_virtualenvs = True

# One framework varied at a time, the others at requirements.txt's pins: the last three minor lines of
# torch and TensorFlow, the last two of Keras and JAX (the newest is the pin, verified by `make test`).
# Each line: the pins that replace requirements.txt's, and the packages left unpinned so that the
# resolver picks what that release needs.


VERSION_LINES: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "torch-2.13": ({"torch": "2.13.0"}, ()),
    "torch-2.14": ({"torch": "2.14.1"}, ()),
    # TF 2.19 needs numpy < 2.2, which JAX 0.12 refuses, and protobuf < 6, which ONNX 1.23 refuses:
    # the resolver picks those for it (JAX runs in none of this line's examples, which are those
    # that run TensorFlow).
    "tensorflow-2.19": (
        {"tensorflow": "2.19.1"},
        ("numpy", "jax[cpu]", "jaxlib", "onnx", "onnxruntime", "onnxscript"),
    ),
    "tensorflow-2.20": ({"tensorflow": "2.20.0"}, ()),
    "keras-3.14": ({"keras": "3.14.1"}, ()),
    "jax-0.11": ({"jax[cpu]": "0.11.2", "jaxlib": "0.11.2"}, ()),
}
# A Python the pins do not support: the newest release that does (JAX after 0.10 needs Python 3.12).
PYTHON_PINS = {"3.11": ({"jax[cpu]": "0.10.2", "jaxlib": "0.10.2"}, ())}
FRAMEWORKS = ("torch", "tensorflow", "keras", "jax[cpu]", "jaxlib")


def _pyenv_pythons_on_path() -> None:
    """pyenv's shims answer only for the selected Python; its installations answer for themselves."""
    found = glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin"))
    if found:
        os.environ["PATH"] = os.pathsep.join([*sorted(found), os.environ["PATH"]])


_pyenv_pythons_on_path()


def requirement_name(line: str) -> str:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+(?:\[[^\]]*\])?)\s*==", line)
    return match[1].lower() if match else ""


def requirements_with(replace: dict[str, str], drop: tuple[str, ...] = ()) -> str:
    """requirements.txt with some pins replaced (`"jax[cpu]": "0.11.2"`) and some dropped."""
    lines = []
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        name = requirement_name(line)
        if name in replace or name in drop:
            continue
        lines.append(line)
    lines += [f"{name}=={version}" for name, version in replace.items()]
    lines += list(drop)  # still installed, at the version the resolver finds for this line
    return "\n".join(lines) + "\n"


# uv installs without byte-compiling: the first import of torch and TensorFlow would then compile
# thousands of modules inside the first example's time limit.
os.environ.setdefault("UV_COMPILE_BYTECODE", "1")


def install(session: nox.Session, requirements: str, what: str, record: str) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write(requirements)
    try:
        session.install("-r", handle.name, silent=True)
    except nox.command.CommandFailed:
        session.error(
            f"{what}: the environment could not be installed (uv's reason is above); "
            f"the committed record docs/verification/runs/{record}.json is unchanged"
        )
    finally:
        os.unlink(handle.name)


def run_examples(session: nox.Session, name: str, python: str, *options: str) -> None:
    """`pytest docs` with a record; failures are findings (they are the record), not errors."""
    record = RUNS / f"{name}.json"
    update = "--update" in session.posargs
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch, "record.json")
        args = [python, "-m", "pytest", "docs", "-q", "-p", "no:randomly"]
        args += ["--record", str(fresh), "--record-label", name, *options]
        # What runs, not how fast: a busy machine must not turn a slow example into a finding.
        args += ["--timeout-factor", "4"]
        if update and record.exists():
            args += ["--record-update", str(record)]
        status = session.run(*args, success_codes=[0, 1, 5], external=True)
        if not fresh.exists():
            session.error(f"{name}: pytest wrote no record (exit {status}); {record} is unchanged")
        RUNS.mkdir(parents=True, exist_ok=True)
        fresh.replace(record)
    session.log(f"record: {record.relative_to(ROOT)}")


@nox.session(python=OTHER_PYTHONS)
def pythons(session: nox.Session) -> None:
    """Every example and page notebook on another Python (the pins, or the newest release it supports)."""
    replace, drop = PYTHON_PINS.get(session.python, ({}, ()))
    name = f"python-{session.python}"
    install(session, requirements_with(replace, drop), f"Python {session.python}", name)
    run_examples(session, name, "python")


@nox.session(python=PROJECT_PYTHON)
@nox.parametrize("line", list(VERSION_LINES))
def versions(session: nox.Session, line: str) -> None:
    """Every example and page notebook on an older release line of one framework."""
    replace, drop = VERSION_LINES[line]
    install(session, requirements_with(replace, drop), line, line)
    # Only what runs that framework: the others run exactly as in `make test`.
    run_examples(session, line, "python", f"--uses={line.split('-')[0]}")


@nox.session(python=PROJECT_PYTHON)
def latest(session: nox.Session) -> None:
    """The newest releases, unpinned: a breaking release shows up here before readers hit it."""
    install(
        session,
        requirements_with({}, FRAMEWORKS) + "torch\ntensorflow\nkeras\njax[cpu]\n",
        "latest",
    )
    run_examples(session, "latest", "python")


def project_python() -> str:
    python = ROOT / ".venv" / "bin" / "python"
    if not python.exists():
        raise SystemExit("no .venv: run `make install` (or any make target) first")
    return str(python)


@nox.session(venv_backend="none")
@nox.parametrize("backend", ["torch", "jax"])
def backends(session: nox.Session, backend: str) -> None:
    """The backend-agnostic Keras examples on another Keras backend (TensorFlow is `make test`'s)."""
    run_examples(session, f"keras-{backend}", project_python(), f"--keras-backend={backend}")


@nox.session(venv_backend="none")
def spawn(session: nox.Session) -> None:
    """The examples that start processes, with `spawn` as the default start method (macOS, Windows)."""
    run_examples(session, "spawn", project_python(), "--start-method=spawn")
