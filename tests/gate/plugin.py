"""The gate: plain `pytest` runs every example of every page, and checks the site around them.

Collected by convention, no test code per page:

- `docs/**/*.md` -> one item per code block (pytest-codeblocks' collector and item, extended):
  Python blocks run in isolation (runner.py / worker.py) and must pass warning-free, offline, in time,
  printing what their expected-output block shows, with every line of the example run (on CPU; GPU-only
  blocks aside: line_coverage.py, [tool.coverage] in pyproject.toml); any other block that is not
  visibly "not code to run" (```console, checked ```text) fails with the page line; so does a Gotchas
  item without its proof (gotchas.py).
- `docs/**/*.nb.yml`, `docs/**/*.ipynb` -> one item per notebook page, run cell by cell in a kernel
  (notebooks.py).
- `mkdocs.yml` -> site checks: the strict build, every code block of the built HTML is one the tests run,
  every file under snippets/ is included by a page.

A failure names the page and line, the snippet file and line. Options: `--gpu` (make test-gpu),
`--fresh-interpreter` (every example in a brand-new `python`, as a reader would run it).
"""

import datetime
import importlib.metadata
import importlib.util
import json
import math
import os
import platform
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from . import equivalence, matrix
from .failures import GateFailure, ShowsGateFailure
from .gotchas import unproven_gotchas
from .network_guard import BLOCKED
from .notebooks import NotebookItem, collect_notebook
from .notebooks import hook as notebook_hook
from .page_notebooks import collect_page_notebooks
from .pages import PYTHON_LANGUAGES, Example, Site
from .runner import ExampleRunner, keras_backend_of

DEFAULT_TIMEOUT = (
    60.0  # seconds per example; a page can raise it with <!-- pytest.mark.timeout(N) -->
)
NUMBER = re.compile(r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?")
OUTPUT_REL_TOL, OUTPUT_ABS_TOL = 1e-2, 1e-3  # shown numbers agree across CPU and GPU within this


def pytest_addoption(parser):
    group = parser.getgroup("gate", "examples of the documentation site")
    group.addoption("--gpu", action="store_true", help="GPU mode: require a GPU, record device use")
    group.addoption(
        "--fresh-interpreter",
        action="store_true",
        help="run every example in a new interpreter that has imported nothing (slow, exact)",
    )
    matrix.add_options(group)
    parser.addini("gate_preload", "modules the warm workers import once", type="args", default=[])
    parser.addini(
        "gate_device_report",
        "where --gpu writes its JSON report",
        default="reports/device-report.json",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "cpu_only(reason): the example is meant to stay on the CPU")
    config.addinivalue_line(
        "markers", "one_keras_backend(reason): not run on the other Keras backends (matrix.py)"
    )
    config.addinivalue_line(
        "markers", "all_keras_backends: run on the other Keras backends too (matrix.py)"
    )
    config.addinivalue_line(
        "markers", "timeout(seconds): time limit of one example (pytest-timeout)"
    )
    if config.getoption("--gpu") and not hasattr(config, "workerinput"):
        config.stash[GPU_INFO] = gpu_preflight()
    config.stash[RUNNER] = ExampleRunner(
        preload=config.getini("gate_preload"),
        gpu=config.getoption("--gpu"),
        fresh_interpreter=config.getoption("--fresh-interpreter"),
        coverage=coverage_config(config),
        start_method=config.getoption("--start-method"),
    )


@pytest.hookimpl(trylast=True)  # after pytest-randomly's shuffle
def pytest_collection_modifyitems(items):
    """Notebook items first: their passing run is cached, so the strict build need not run them again.
    Tab-equivalence checks last: they reuse what their tabs' examples sent back."""
    items.sort(
        key=lambda item: (not isinstance(item, NotebookItem), isinstance(item, EquivalenceItem))
    )


def pytest_unconfigure(config):
    if RUNNER in config.stash:
        config.stash[RUNNER].close()


RUNNER = pytest.StashKey[ExampleRunner]()
SITE = pytest.StashKey[Site]()


def site_of(config) -> Site:
    if SITE not in config.stash:
        config.stash[SITE] = Site(Path(config.rootpath))
    return config.stash[SITE]


def pytest_collect_file(file_path: Path, parent):
    if file_path.name == "mkdocs.yml" and file_path.parent == parent.config.rootpath:
        return SiteChecks.from_parent(parent, path=file_path)
    notebook = collect_notebook(file_path, parent)  # docs/**/*.nb.yml: see notebooks.py
    if notebook is not None:
        return notebook
    if file_path.suffix == ".md":
        site = site_of(parent.config)
        if file_path.resolve().is_relative_to(site.docs_dir):
            return DocsPage.from_parent(parent, path=file_path)
    return None


# --------------------------------------------------------------------------------------------------
# Pages and their examples


class DocsPage(MarkdownFile):
    """A page of the site: pytest-codeblocks' Markdown collector, fed the page with includes expanded."""

    def collect(self):
        page = site_of(self.config).read_page(self.path)
        if matrix.special_mode(self.config):  # a backend, spawn, one framework: those examples only
            yield from self.collect_examples(page, {})
            if self.config.getoption("--uses"):  # and the notebooks that run that framework
                yield from collect_page_notebooks(self, self.path, site_of(self.config))
            return
        groups, problems = equivalence.groups_of(page)
        tabs = {id(tab.example): (group, tab) for group in groups for tab in group.tabs}
        for line, message in page.problems:
            yield PageProblem.from_parent(
                self, name=f"line {line}: not run", message=f"{page.path}:{line}: {message}"
            )
        for line, message in unproven_gotchas(page, self.path.read_text(encoding="utf-8")):
            yield PageProblem.from_parent(
                self,
                name=f"line {line}: Gotchas item without its proof",
                message=f"{page.path}:{line}: {message}",
            )
        for line, message in problems:
            yield PageProblem.from_parent(
                self,
                name=f"line {line}: equivalent-tabs",
                message=f"{page.path}:{line}: equivalent-tabs: {message}",
            )
        yield from self.collect_examples(page, tabs)
        for group in groups:
            item = EquivalenceItem.from_parent(self, name=group.name)
            item.group = group
            item.add_marker(equivalence_xdist_group(group))
            yield item
        # The page's notebooks (hooks/page_notebooks.py), each run top to bottom in one process.
        yield from collect_page_notebooks(self, self.path, site_of(self.config))

    def collect_examples(self, page, tabs: dict):
        for example in page.examples:
            if example.language not in PYTHON_LANGUAGES:
                continue  # shown, not run; problems above say when that is not allowed
            if not matrix.selects(self.config, example.code, example.block.marks):
                continue
            name = f"line {example.page_line}"
            if example.snippets:
                name += f" [{', '.join(example.snippets)}]"
            item = ExampleItem.from_parent(parent=self, name=name)
            item.obj = example.block
            item.example = example
            for mark in example.block.marks:
                item.add_marker(
                    eval(mark, {"sys": sys, "pytest": pytest})
                )  # as pytest-codeblocks does
            # The page's `pytest.mark.timeout(N)` is the example's limit, enforced by the runner with a
            # located message; pytest-timeout keeps a looser limit as the net under the runner itself.
            limit = item.get_closest_marker("timeout")
            item.time_limit = float(limit.args[0]) if limit else DEFAULT_TIMEOUT
            item.time_limit *= self.config.getoption("--timeout-factor")
            item.add_marker(pytest.mark.timeout(item.time_limit + 60), append=False)
            backend = self.config.getoption("--keras-backend") or keras_backend_of(example.code)
            if backend != "tensorflow":  # see NON_TF_GROUP
                item.add_marker(pytest.mark.xdist_group(NON_TF_GROUP))
            item.tab_group = tabs.get(id(example))
            if item.tab_group:
                item.add_marker(equivalence_xdist_group(item.tab_group[0]), append=False)
            if self.config.getoption("--record"):
                entry = matrix.result_entry(
                    Path(self.config.rootpath),
                    str(example.page),
                    example.page_line,
                    "example",
                    example.snippets,
                )
                if matrix.unchanged_since_record(self.config, entry):
                    continue  # --record-update: its old result stands
                item.user_properties.append(("matrix_entry", entry))
            yield item


class PageProblem(pytest.Item):
    def __init__(self, *, message: str, **kwargs):
        super().__init__(**kwargs)
        self.message = message

    def runtest(self):
        raise GateFailure(self.message)

    def repr_failure(self, excinfo):
        return str(excinfo.value)

    def reportinfo(self):
        return self.path, None, self.name


class ExampleItem(ShowsGateFailure, TestBlock):
    """pytest-codeblocks' item, run in an isolated process instead of `exec` in the test process."""

    example: Example
    time_limit: float
    tab_group: tuple[equivalence.Group, equivalence.Tab] | None = None  # equivalent-tabs, if any

    def runtest(self):
        example = self.example
        where = f"{example.page}:{example.page_line}"
        if example.snippets:
            where += f" (includes {', '.join(example.snippets)})"
        skip_marks = [m for m in example.block.marks if re.search(r"\b(skip|skipif|xfail)\b", m)]
        if skip_marks or example.block.importorskip:
            raise GateFailure(
                f"{where}: examples on the site always run; remove {skip_marks or 'importorskip'}"
            )
        if self.config.getoption("--gpu"):
            skip_if_absent_here(self)  # a partial GPU runner: NOT RUN, by name, never passed

        request = self.tab_group and self.tab_group[0].request(self.tab_group[1])
        outcome = self.config.stash[RUNNER].run(
            example.code,
            example.filename,
            self.time_limit,
            backend=self.config.getoption("--keras-backend"),
            equivalence=request,
        )
        if self.tab_group:  # for the group's check item, which runs after its tabs
            failed = {"error": "its example failed (see that example's own test)"}
            self.config.stash.setdefault(TAB_OUTPUTS, {})[id(example)] = (
                outcome.equivalence or failed
            )
        self.add_report_section("call", "stdout", outcome.stdout)
        self.add_report_section("call", "stderr", outcome.stderr[-5000:])
        self.user_properties.append(("matrix_status", outcome.status))  # timeout: not a finding
        if self.config.getoption("--gpu"):
            evidence = {"seconds": outcome.seconds, **(outcome.device_evidence or {})}
            if outcome.status == "failed":
                skip_if_absent_at_run_time(self, outcome.error, evidence)
            self.user_properties.append(("device_evidence", device_record(self, evidence)))

        if outcome.status != "passed":
            raise GateFailure(f"{where}: the example failed\n{describe_error(example, outcome)}")
        if outcome.warnings:
            shown = "\n".join(
                f"  {w['category']}: {w['message']}\n    at {locate_file(example, w['filename'], w['lineno'])}"
                for w in outcome.warnings
            )
            raise GateFailure(
                f"{where}: the example raised {len(outcome.warnings)} warning(s)\n{shown}"
            )
        if example.block.expected_output is not None and not outputs_match(
            example.block.expected_output, outcome.stdout
        ):
            raise GateFailure(
                f"{where}: the page shows output the example does not print\n"
                f"--- shown on the page\n{example.block.expected_output}"
                f"--- printed by the example\n{outcome.stdout}"
            )
        if outcome.coverage is not None and outcome.coverage["missing"]:
            raise GateFailure(
                f"{where}: lines of the example never run (every line of an example must run on "
                f"CPU; GPU-only code goes in an `if torch.cuda.is_available():` block)\n"
                + describe_missing(example, outcome.coverage["missing"])
            )
        if self.config.getoption("--gpu"):
            self.check_device(where, outcome.device_evidence or {})

    def check_device(self, where: str, evidence: dict):
        if self.get_closest_marker("cpu_only") or (fake_gpu() and not fake_preflight_only()):
            return
        frameworks = frameworks_used(self.example.code)
        missing = device_problems(frameworks, keras_backend_of(self.example.code), evidence)
        if missing:
            raise GateFailure(
                f"{where}: the example stayed on the CPU ({'; '.join(missing)}). Choose the device at "
                "run time, or mark it <!-- pytest.mark.cpu_only(reason='...') --> with the reason."
            )

    def reportinfo(self):
        return self.path, self.example.page_line - 1, f"example at line {self.example.page_line}"


def coverage_config(config) -> str | None:
    """The file holding the [tool.coverage] settings the examples' lines are measured with, or None when
    the run does not measure: on a GPU (`--gpu`) the CPU side of a device choice does not run; in a fresh
    interpreter (`--fresh-interpreter`) the frameworks are not loaded yet when measuring starts, so the
    lines tf.function and torch.compile trace could not be counted (line_coverage.py)."""
    if config.getoption("--gpu") or config.getoption("--fresh-interpreter"):
        return None
    if config.getoption("--keras-backend"):  # a line for one backend (TF32 off on TensorFlow, say)
        return None
    return str(Path(config.rootpath, "pyproject.toml"))


def describe_missing(example: Example, missing: list[int]) -> str:
    """`  snippets/x.py:12-13, 20` then each line's text, grouped by the file the lines come from."""
    by_file: dict[str, list[int]] = {}
    texts = []
    code_lines = example.code.splitlines()
    for code_line in missing:
        where = example.locate(code_line)  # snippets/x.py:12 or docs/page.md:40
        path, _, number = where.rpartition(":")
        if number.isdigit():
            by_file.setdefault(path, []).append(int(number))
        texts.append(f"    {where}: {code_lines[code_line - 1].strip()}")
    spans = [f"  {path}:{line_ranges(numbers)}" for path, numbers in by_file.items()]
    return "\n".join(spans + texts)


def line_ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    spans: list[list[int]] = []
    for number in sorted(numbers):
        if spans and number == spans[-1][1] + 1:
            spans[-1][1] = number
        else:
            spans.append([number, number])
    return ", ".join(f"{a}-{b}" if a != b else f"{a}" for a, b in spans)


# Every example on a backend other than TensorFlow (torch, jax), and tests/test_bench_correctness.py:
# one pytest-xdist worker starts those backends' warm workers, once each.
NON_TF_GROUP = "keras-torch"
TAB_OUTPUTS = pytest.StashKey[dict]()


def equivalence_xdist_group(group: equivalence.Group):
    """A group's tabs and its check share a pytest-xdist worker: the check reads what the tabs sent."""
    if any(keras_backend_of(tab.example.code) != "tensorflow" for tab in group.tabs):
        return pytest.mark.xdist_group(NON_TF_GROUP)
    return pytest.mark.xdist_group(re.sub(r"\W", "-", f"tabs-{group.page}-{group.page_line}"))


class EquivalenceItem(ShowsGateFailure, pytest.Item):
    """Same weights, same input, same output in every tab of a group (equivalence.py)."""

    group: equivalence.Group

    def runtest(self):
        results, outputs = {}, self.config.stash.setdefault(TAB_OUTPUTS, {})
        ran_again = []
        for tab in self.group.tabs:
            if id(tab.example) not in outputs:  # its example did not run here (-k, a rerun)
                ran_again.append(tab.label)
                outcome = self.config.stash[RUNNER].run(
                    tab.example.code,
                    tab.example.filename,
                    DEFAULT_TIMEOUT,
                    equivalence=self.group.request(tab),
                )
                failed = {"error": f"its example failed: {outcome.error}"}
                outputs[id(tab.example)] = outcome.equivalence or failed
            results[tab.label] = outputs[id(tab.example)]
        problem, summary = equivalence.compare(self.group, results, self.config.getoption("--gpu"))
        if ran_again:
            summary += f"\n(examples run again for the check: {', '.join(ran_again)})"
        self.add_report_section("call", "equivalence", summary)
        if problem:
            raise GateFailure(problem)

    def reportinfo(self):
        return self.path, self.group.page_line - 1, self.name


def describe_error(example: Example, outcome) -> str:
    lines = []
    for frame in outcome.frames:
        if Path(frame["filename"]).name == example.filename and "/example-" in frame["filename"]:
            lines.append(
                f"  {example.locate(frame['lineno'])}, in {frame['name']}: {frame['line']}"
            )
    if lines:
        lines.insert(0, "Traceback (example lines):")
    lines.append(outcome.error)
    # A process the example started was refused the network: say so, whatever the example raised then.
    lines += sorted({line.strip() for line in outcome.stderr.splitlines() if BLOCKED in line})
    if outcome.status in ("crashed", "timeout") and outcome.stderr:
        lines.append("stderr ends with:\n" + outcome.stderr[-2000:])
    return "\n".join(lines)


def locate_file(example: Example, filename: str, lineno: int) -> str:
    if Path(filename).name == example.filename and "/example-" in filename:
        return example.locate(lineno)
    return f"{filename}:{lineno}"


def outputs_match(expected: str, actual: str) -> bool:
    """Same text, line ends and trailing blank lines aside; numbers equal within a tolerance."""

    def normal(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())

    expected, actual = normal(expected), normal(actual)
    if NUMBER.sub("#", expected) != NUMBER.sub("#", actual):
        return False
    return all(
        math.isclose(float(a), float(b), rel_tol=OUTPUT_REL_TOL, abs_tol=OUTPUT_ABS_TOL)
        for a, b in zip(NUMBER.findall(expected), NUMBER.findall(actual), strict=True)
    )


def frameworks_used(code: str) -> set[str]:
    imported = re.findall(r"^\s*(?:import|from)\s+(torch|tensorflow|keras|jax)\b", code, flags=re.M)
    return set(imported)


# --------------------------------------------------------------------------------------------------
# Site checks (collected from mkdocs.yml)


class SiteChecks(pytest.File):
    def collect(self):
        for check, name in (
            (StrictBuild, "mkdocs build --strict"),
            (EveryBlockRuns, "every code block of the built site is run"),
            (NoOrphanSnippets, "every snippet file is on a page"),
        ):
            item = check.from_parent(self, name=name)
            # Under pytest-xdist (--dist loadgroup) the checks share one worker, so the site is built once.
            item.add_marker(pytest.mark.xdist_group("site"))
            yield item


class SiteCheck(ShowsGateFailure, pytest.Item):
    def reportinfo(self):
        return self.path, None, self.name


_built_sites: dict[tuple[Path, bool], Path] = {}


def build_site(root: Path, strict: bool = True) -> Path:
    """`mkdocs build --strict` into a temporary directory, once per test process; fails with the warnings."""
    if (root, strict) not in _built_sites:
        destination = Path(tempfile.mkdtemp(prefix="site-"))
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        # Not --quiet: it drops the warnings that --strict counts (measured: exit 0 on a broken link).
        command = [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(destination),
        ]
        result = subprocess.run(
            command + (["--strict"] if strict else []),
            capture_output=True,
            text=True,
            env=env,
            cwd=root,
        )
        if result.returncode != 0:
            # WARNING/ERROR lines and their indented continuations ("  - page.md").
            problems, keep = [], False
            for line in result.stderr.splitlines():
                keep = bool(re.match(r"(WARNING|ERROR)", line)) or (keep and line.startswith(" "))
                if keep:
                    problems.append(line)
            raise GateFailure(
                "mkdocs build --strict failed:\n"
                + "\n".join(problems or result.stderr.splitlines()[-30:])
            )
        _built_sites[root, strict] = destination
    return _built_sites[root, strict]


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """The site as `mkdocs build --strict` writes it, for tests of the built HTML and the browser."""
    try:
        return build_site(Path(request.config.rootpath))
    except GateFailure as failure:
        pytest.fail(str(failure), pytrace=False)


class StrictBuild(SiteCheck):
    def runtest(self):
        build_site(Path(self.config.rootpath))


class EveryBlockRuns(SiteCheck):
    """Every code block in the built HTML is a Python example the tests run, a console session or checked
    output. Catches whatever the Markdown reading above could miss (fence styles, generated pages)."""

    def runtest(self):
        site = site_of(self.config)
        try:
            built = build_site(Path(self.config.rootpath))
        except GateFailure:  # reported by the strict-build item; the HTML is still worth checking
            built = build_site(Path(self.config.rootpath), strict=False)
        failures = []
        for html_file in sorted(built.rglob("*.html")):
            page_path = source_page(site, built, html_file)
            page = site.read_page(page_path) if page_path else None
            allowed = {}
            for example in page.examples if page else []:
                if example.language in PYTHON_LANGUAGES:
                    allowed[normal_code(example.code)] = "run"
                if example.block.expected_output is not None:
                    allowed[normal_code(example.block.expected_output)] = "checked output"
            soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
            if page is None and soup.select_one(".jp-Notebook"):
                continue  # a notebook page: its cells are run by the notebook's own test
            for language, code in html_code_blocks(soup):
                if language == "console" and code.lstrip().startswith("$ "):
                    continue
                if normal_code(code) not in allowed:
                    first = code.strip().splitlines()[0] if code.strip() else ""
                    where = (
                        f"{page.path}:{locate_in_page(page, code)}"
                        if page
                        else site.relative(html_file)
                    )
                    failures.append(
                        f"{where}: a ```{language} block is shown but not run by the tests "
                        f"(it starts: {first[:70]!r})"
                    )
        if failures:
            raise GateFailure("\n".join(failures))


def source_page(site: Site, built: Path, html_file: Path) -> Path | None:
    """docs/x.md for site/x/index.html (use_directory_urls), docs/index.md for site/index.html."""
    relative = html_file.relative_to(built)
    folder = relative.parent if relative.name == "index.html" else relative.with_suffix("")
    for candidate in (site.docs_dir / folder / "index.md", site.docs_dir / f"{folder}.md"):
        if candidate.is_file():
            return candidate
    return None


def normal_code(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines())


def locate_in_page(page, code: str) -> int:
    first = code.strip().splitlines()[0].strip() if code.strip() else ""
    for line, origin in zip(page.lines, page.origins, strict=True):
        if first and line.strip() == first:
            return origin.page_line
    return 1


def html_code_blocks(soup: BeautifulSoup):
    """(language, text) of each code block of a built page, as a reader's copy button takes it."""
    for pre in soup.select("article pre"):
        code = pre.find("code") or pre
        container = pre.find_parent(class_="highlight") or pre
        classes = container.get("class", []) + code.get("class", [])
        language = next(
            (c.removeprefix("language-") for c in classes if c.startswith("language-")), ""
        )
        yield language, code.get_text()


class NoOrphanSnippets(SiteCheck):
    def runtest(self):
        site = site_of(self.config)
        included = set()
        for page_path in site.pages():
            included |= site.read_page(page_path).included_snippets
        for spec in site.docs_dir.rglob(
            "*" + notebook_hook.SPEC_SUFFIX
        ):  # notebook pages include them too
            included |= {
                site.relative(path) for path in notebook_hook.snippet_paths(spec, site.root)
            }
        snippet_dir = site.root / "snippets"
        orphans = sorted(
            site.relative(path)
            for path in snippet_dir.rglob("*")
            if path.is_file()
            and "__pycache__" not in path.parts
            and path != snippet_dir / "ruff.toml"  # the examples' lint settings (79 columns)
            and site.relative(path) not in included
        )
        if orphans:
            raise GateFailure(
                "snippet files that no page includes (include them on a page, or delete them):\n"
                + "\n".join(f"  {orphan}" for orphan in orphans)
            )


# --------------------------------------------------------------------------------------------------
# GPU mode


# What can hold a GPU. Keras has no device of its own: it runs on the backend it was started with.
GPU_FRAMEWORKS = {"torch": "PyTorch", "tensorflow": "TensorFlow", "jax": "JAX"}
# Test switch: GATE_FAKE_GPU=1, the preflight and the device checks accept the CPU; =preflight, only the
# preflight does (so an example that stays on the CPU fails). Everything else runs for real. A report
# written so says "fake_gpu": true, and the site never counts it as a GPU run (hooks/verified_with.py).
FAKE_GPU = "GATE_FAKE_GPU"
GPU_EXCLUDE = "GATE_GPU_EXCLUDE"
NOTEBOOKS_NOT_RUN = "notebook pages run on CPU only; the GPU mode runs the examples of the pages"
# Each probe runs in its own process and prints one JSON line: the version, the build, the GPUs it sees.
GPU_PROBES = {
    "torch": "import torch\n"
    "info = {'version': torch.__version__, 'cuda': torch.version.cuda, 'gpus': [\n"
    "    torch.cuda.get_device_name(i) for i in range(torch.cuda.device_count())\n"
    "] if torch.cuda.is_available() else []}",
    "tensorflow": "import tensorflow as tf\n"
    "info = {'version': tf.__version__,\n"
    "        'cuda': tf.sysconfig.get_build_info().get('cuda_version'),\n"
    "        'gpus': [d.name for d in tf.config.list_physical_devices('GPU')]}",
    "jax": "import jax, jaxlib\n"
    "info = {'version': jax.__version__, 'jaxlib': jaxlib.__version__,\n"
    "        'gpus': [d.device_kind for d in jax.devices() if d.platform == 'gpu']}",
}
NO_GPU = {
    "torch": "PyTorch sees no CUDA GPU (torch.cuda.is_available() is False; torch {version} is {build})",
    "tensorflow": "TensorFlow sees no GPU (tf.config.list_physical_devices('GPU') is empty; on a "
    "machine with an NVIDIA driver, run `make install-gpu` for tensorflow[and-cuda])",
    "jax": "JAX sees no GPU (jax.devices() lists none; jax {version} needs its CUDA plugin, "
    "jax[cuda12] or jax[cuda13])",
}
GPU_ENVIRONMENT = {"XLA_PYTHON_CLIENT_PREALLOCATE": "false", "TF_FORCE_GPU_ALLOW_GROWTH": "true"}
GPU_INFO = pytest.StashKey[dict]()


def fake_gpu() -> bool:
    return os.environ.get(FAKE_GPU, "") not in ("", "0")


def fake_preflight_only() -> bool:
    return os.environ.get(FAKE_GPU) == "preflight"


def excluded_frameworks() -> set[str]:
    """GATE_GPU_EXCLUDE=jax: a framework installed here whose GPU does not work is left out of the run
    (its examples NOT RUN, saying why) instead of stopping it. tools/gpu-check sets it on its retry."""
    return {name.strip() for name in os.environ.get(GPU_EXCLUDE, "").split(",") if name.strip()}


def frameworks_present() -> list[str]:
    return [
        name
        for name in GPU_FRAMEWORKS
        if name not in excluded_frameworks() and importlib.util.find_spec(name) is not None
    ]


def probe_frameworks(names: list[str]) -> dict[str, dict]:
    """Ask each framework, all at once, in its own process: {name: its JSON answer}."""
    env = {**os.environ, **GPU_ENVIRONMENT}
    probes = {
        name: subprocess.Popen(
            [sys.executable, "-c", GPU_PROBES[name] + "\nimport json; print(json.dumps(info))"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )  # fmt: skip
        for name in names
    }
    answers = {}
    for name, process in probes.items():
        try:
            stdout, stderr = process.communicate(timeout=300)
            answers[name] = json.loads(stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            process.kill()
            problem = "no answer within 300 s"
        except (IndexError, json.JSONDecodeError):
            problem = stderr[-2000:]
        if name not in answers:
            pytest.exit(
                f"make test-gpu: could not ask {GPU_FRAMEWORKS[name]} for a GPU:\n{problem}",
                returncode=2,
            )
    return answers


def nvidia_smi() -> list[dict]:
    query = "--query-gpu=name,driver_version,memory.total"
    try:
        out = subprocess.run(
            ["nvidia-smi", query, "--format=csv,noheader"],
            capture_output=True, text=True, timeout=30, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    keys = ("name", "driver", "memory")
    return [
        dict(zip(keys, (f.strip() for f in line.split(",")), strict=False))
        for line in out.splitlines()
        if line.strip()
    ]


def package_versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in (
        "torch", "tensorflow", "jax", "jaxlib", "keras", "numpy", "scikit-learn",
        "onnx", "onnxruntime", "onnxscript",
    ):  # fmt: skip
        try:
            found[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            pass
    return found


def gpu_preflight() -> dict:
    """Before anything runs: every framework installed here that can hold a GPU must see one, or
    `make test-gpu` stops at once. A framework that is not installed is no failure: its examples are
    reported NOT RUN on this GPU, by name. Returns what the device report says about the machine."""
    present = frameworks_present()
    if not present:
        pytest.exit(
            "make test-gpu needs a GPU framework, and none is installed "
            f"(none of {', '.join(GPU_FRAMEWORKS.values())})",
            returncode=2,
        )
    seen = probe_frameworks(present)
    missing = []
    for name, info in seen.items():
        if not info["gpus"]:
            build = f"CUDA {info['cuda']}" if info.get("cuda") else "a CPU-only build"
            missing.append(NO_GPU[name].format(version=info["version"], build=build))
    if missing and not fake_gpu():
        pytest.exit(
            "make test-gpu needs a GPU, and none is usable:\n  " + "\n  ".join(missing),
            returncode=2,
        )
    gpus = nvidia_smi()
    device = (
        gpus[0]["name"] if gpus else next((i["gpus"][0] for i in seen.values() if i["gpus"]), "")
    )
    if fake_gpu():
        device = f"CPU ({FAKE_GPU}={os.environ[FAKE_GPU]}: a test of the GPU mode, not a GPU run)"
    return {
        "fake_gpu": fake_gpu(),
        "device": device,
        "nvidia_smi": gpus,
        "frameworks": {GPU_FRAMEWORKS[name]: info for name, info in seen.items()},
        "not_installed": [
            GPU_FRAMEWORKS[n]
            for n in GPU_FRAMEWORKS
            if n not in present and importlib.util.find_spec(n) is None
        ],
        "left_out": [GPU_FRAMEWORKS[n] for n in GPU_FRAMEWORKS if n in excluded_frameworks()],
        "versions": package_versions(),
        "machine": {
            "cpu": platform.processor() or platform.machine(),
            "logical_cpus": os.cpu_count(),
            "os": platform.platform(),
        },
    }


IMPORTED = re.compile(r"^\s*(?:import|from)\s+([A-Za-z_]\w*)", flags=re.M)


def modules_needed(code: str) -> list[str]:
    """The top-level modules an example imports, and the one its Keras backend needs."""
    needed = dict.fromkeys(IMPORTED.findall(code))
    if "keras" in needed:
        needed[keras_backend_of(code)] = None
    needed.pop("__future__", None)
    return list(needed)


def modules_absent(code: str) -> list[str]:
    return [
        name
        for name in modules_needed(code)
        if name in excluded_frameworks() or importlib.util.find_spec(name) is None
    ]


def not_run_reason(absent: list[str], code: str) -> str:
    left_out = [name for name in absent if name in excluded_frameworks()]
    missing = [name for name in absent if name not in left_out]
    parts = []
    if missing:
        parts.append(f"needs {', '.join(missing)}, not installed on this machine")
    if left_out:
        parts.append(
            f"needs {', '.join(left_out)}, which saw no GPU here: left out of this run ({GPU_EXCLUDE})"
        )
    why = "; ".join(parts)
    if "keras" in IMPORTED.findall(code) and keras_backend_of(code) in absent:
        why += f" (Keras on its {keras_backend_of(code)} backend)"
    return f"NOT RUN on this GPU: {why}"


def device_record(item, extra: dict) -> dict:
    example = item.example
    return {
        "page": str(example.page),
        "line": example.page_line,
        "snippets": matrix.snippet_hashes(Path(item.config.rootpath), example.snippets),
        "frameworks": sorted(frameworks_used(example.code)),
        "keras_backend": keras_backend_of(example.code)
        if "keras" in frameworks_used(example.code)
        else None,
        "cpu_only": bool(item.get_closest_marker("cpu_only")),
        **extra,
    }


def skip_if_absent_here(item) -> None:
    """GPU mode: an example whose frameworks are not installed is reported NOT RUN, never passed."""
    absent = modules_absent(item.example.code)
    if absent:
        reason = not_run_reason(absent, item.example.code)
        record = device_record(item, {"reason": reason, "absent": absent})
        item.user_properties.append(("device_evidence", record))
        pytest.skip(reason)


ABSENT_AT_RUN_TIME = re.compile(
    r"^(?:ModuleNotFoundError: No module named '(?P<module>[\w.]+)'"
    r"|(?:importlib\.metadata\.)?PackageNotFoundError: No package metadata was found for "
    r"(?P<package>[\w.-]+))$"
)


def skip_if_absent_at_run_time(item, error: str, evidence: dict) -> None:
    """GPU mode: an example that failed only because it reached for a package this machine lacks
    (an import inside a function, its metadata) is NOT RUN too, not a failure of the GPU."""
    match = ABSENT_AT_RUN_TIME.match(error.strip().splitlines()[-1] if error.strip() else "")
    if not match:
        return
    name = match["module"] or match["package"]
    if match["module"]:
        present = importlib.util.find_spec(name.split(".")[0]) is not None
    else:
        try:
            importlib.metadata.distribution(name)
            present = True
        except importlib.metadata.PackageNotFoundError:
            present = False
    if present:
        return
    reason = f"NOT RUN on this GPU: needs {name}, not installed on this machine (found when it ran)"
    record = device_record(item, {**evidence, "reason": reason, "absent": [name]})
    item.user_properties.append(("device_evidence", record))
    pytest.skip(reason)


# Evidence key of each framework's GPU memory (worker.device_evidence), and what its absence means.
EVIDENCE = {
    "torch": ("torch_cuda_peak_bytes", "torch allocated no CUDA memory"),
    "tensorflow": ("tf_gpu_peak_bytes", "TensorFlow put nothing on GPU:0"),
    "jax": ("jax_gpu_peak_bytes", "JAX put nothing on the GPU"),
}


def device_problems(frameworks: set[str], keras_backend: str | None, evidence: dict) -> list[str]:
    """Why an example that imports a framework with a GPU did not use it (empty: it did)."""
    problems = []
    for name in sorted(frameworks & EVIDENCE.keys()):
        key, problem = EVIDENCE[name]
        if not evidence.get(key):
            problems.append(problem)
    if "keras" in frameworks and keras_backend in EVIDENCE:
        key, _ = EVIDENCE[keras_backend]
        if not evidence.get(key):
            problems.append(f"Keras on {keras_backend} put nothing on the GPU")
    return list(dict.fromkeys(problems))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.config.getoption("--gpu") and isinstance(item, NotebookItem):
        item.user_properties.append(
            ("device_evidence", {"page": item.nodeid.split("::")[0], "reason": NOTEBOOKS_NOT_RUN})
        )
        pytest.skip(f"NOT RUN on this GPU: {NOTEBOOKS_NOT_RUN}")


def pytest_runtest_logreport(report):
    matrix.collect(report)
    if report.when == "call" or (report.when == "setup" and report.skipped):
        for key, value in report.user_properties:
            if key == "device_evidence":
                outcome = "not run" if report.skipped else report.outcome
                record = {**value, "outcome": outcome}
                if report.failed:
                    record["error"] = report.longreprtext.strip()[:1000]
                _evidence.append(record)


_evidence: list[dict] = []


def used_gpu(record: dict) -> bool:
    return any(record.get(key) for key, _ in EVIDENCE.values())


def device_summary(info: dict, evidence: list[dict]) -> dict:
    ran = [e for e in evidence if e["outcome"] != "not run"]
    return {
        "schema": 1,
        "kind": "device-report",
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        **info,
        "examples": len(evidence),
        "ran": len(ran),
        "on_gpu": sum(1 for e in ran if used_gpu(e)),
        "passed": sum(1 for e in ran if e["outcome"] == "passed"),
        "failed": sum(1 for e in ran if e["outcome"] == "failed"),
        "not_run": sorted(
            (
                {"page": e["page"], "line": e.get("line"), "reason": e["reason"]}
                for e in evidence
                if e["outcome"] == "not run"
            ),
            key=lambda e: (e["page"], e["line"] or 0),
        ),
        "results": sorted(evidence, key=lambda e: (e["page"], e.get("line") or 0)),
    }


def pytest_sessionfinish(session):
    config = session.config
    recorded = matrix.write_record(config)
    if recorded:
        config.stash[RECORDED] = recorded
    if (
        not config.getoption("--gpu")
        or hasattr(config, "workerinput")
        or GPU_INFO not in config.stash
    ):
        return
    path = Path(config.rootpath, config.getini("gate_device_report"))
    path.parent.mkdir(parents=True, exist_ok=True)
    report = device_summary(config.stash[GPU_INFO], _evidence)
    path.write_text(json.dumps(report, indent=1) + "\n")
    config.stash[GPU_INFO]["report"] = (path, report)


RECORDED = pytest.StashKey[Path]()


def pytest_terminal_summary(terminalreporter, config):
    if RECORDED in config.stash:
        terminalreporter.write_line(f"matrix record: {config.stash[RECORDED]}")
    if not config.getoption("--gpu") or GPU_INFO not in config.stash:
        return
    if "report" not in config.stash[GPU_INFO]:
        return
    path, report = config.stash[GPU_INFO]["report"]
    write = terminalreporter.write_line
    terminalreporter.section("GPU mode")
    versions = ", ".join(f"{k} {v}" for k, v in report["versions"].items())
    write(f"device: {report['device']}; {versions}")
    write(
        f"{report['on_gpu']} of {report['ran']} examples run used the GPU "
        f"({report['passed']} passed, {report['failed']} failed); "
        f"{len(report['not_run'])} NOT RUN on this GPU"
    )
    for entry in report["not_run"]:
        where = f"{entry['page']}:{entry['line']}" if entry["line"] else entry["page"]
        write(f"  NOT RUN {where}: {entry['reason'].removeprefix('NOT RUN on this GPU: ')}")
    write(f"device report: {path}")
