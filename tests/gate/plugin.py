"""The gate: plain `pytest` runs every example of every page, and checks the site around them.

Collected by convention, no test code per page:

- `docs/**/*.md` -> one item per code block (pytest-codeblocks' collector and item, extended):
  Python blocks run in isolation (runner.py / worker.py) and must pass warning-free, offline, in time,
  printing what their expected-output block shows; any other block that is not visibly "not code to run"
  (```console, checked ```text) fails with the page line.
- `docs/**/*.nb.yml` -> one item per notebook page, run cell by cell in a kernel (notebooks.py).
- `mkdocs.yml` -> site checks: the strict build, every code block of the built HTML is one the tests run,
  every file under snippets/ is included by a page.

A failure names the page and line, the snippet file and line. Options: `--gpu` (make test-gpu),
`--fresh-interpreter` (every example in a brand-new `python`, as a reader would run it).
"""

import json
import math
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pytest_codeblocks.plugin import MarkdownFile, TestBlock

from . import equivalence
from .network_guard import BLOCKED
from .notebooks import NotebookItem, collect_notebook
from .notebooks import hook as notebook_hook
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
    parser.addini("gate_preload", "modules the warm workers import once", type="args", default=[])
    parser.addini(
        "gate_device_report",
        "where --gpu writes its JSON report",
        default="reports/device-report.json",
    )


def pytest_configure(config):
    config.addinivalue_line("markers", "cpu_only(reason): the example is meant to stay on the CPU")
    config.addinivalue_line(
        "markers", "timeout(seconds): time limit of one example (pytest-timeout)"
    )
    if config.getoption("--gpu") and not hasattr(config, "workerinput"):
        gpu_preflight()
    config.stash[RUNNER] = ExampleRunner(
        preload=config.getini("gate_preload"),
        gpu=config.getoption("--gpu"),
        fresh_interpreter=config.getoption("--fresh-interpreter"),
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
        groups, problems = equivalence.groups_of(page)
        tabs = {id(tab.example): (group, tab) for group in groups for tab in group.tabs}
        for line, message in page.problems:
            yield PageProblem.from_parent(
                self, name=f"line {line}: not run", message=f"{page.path}:{line}: {message}"
            )
        for line, message in problems:
            yield PageProblem.from_parent(
                self,
                name=f"line {line}: equivalent-tabs",
                message=f"{page.path}:{line}: equivalent-tabs: {message}",
            )
        for example in page.examples:
            if example.language not in PYTHON_LANGUAGES:
                continue  # shown, not run; problems above say when that is not allowed
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
            item.add_marker(pytest.mark.timeout(item.time_limit + 60), append=False)
            backend = keras_backend_of(example.code)
            if backend != "tensorflow":  # see NON_TF_GROUP
                item.add_marker(pytest.mark.xdist_group(NON_TF_GROUP))
            item.tab_group = tabs.get(id(example))
            if item.tab_group:
                item.add_marker(equivalence_xdist_group(item.tab_group[0]), append=False)
            yield item
        for group in groups:
            item = EquivalenceItem.from_parent(self, name=group.name)
            item.group = group
            item.add_marker(equivalence_xdist_group(group))
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


class GateFailure(Exception):
    """A failure whose message already says where and why; shown without a pytest traceback."""


class ExampleItem(TestBlock):
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

        request = self.tab_group and self.tab_group[0].request(self.tab_group[1])
        outcome = self.config.stash[RUNNER].run(
            example.code, example.filename, self.time_limit, equivalence=request
        )
        if self.tab_group:  # for the group's check item, which runs after its tabs
            failed = {"error": "its example failed (see that example's own test)"}
            self.config.stash.setdefault(TAB_OUTPUTS, {})[id(example)] = (
                outcome.equivalence or failed
            )
        self.add_report_section("call", "stdout", outcome.stdout)
        self.add_report_section("call", "stderr", outcome.stderr[-5000:])

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
        if self.config.getoption("--gpu"):
            self.check_device(where, outcome.device_evidence or {})

    def check_device(self, where: str, evidence: dict):
        frameworks = frameworks_used(self.example.code)
        record = {"example": where, "frameworks": sorted(frameworks), **evidence}
        self.user_properties.append(("device_evidence", record))
        if self.get_closest_marker("cpu_only"):
            return
        missing = []
        if "torch" in frameworks and not evidence.get("torch_cuda_peak_bytes"):
            missing.append("torch allocated no CUDA memory")
        if frameworks & {"tensorflow", "keras"} and not (
            evidence.get("tf_gpu_peak_bytes") or evidence.get("torch_cuda_peak_bytes")
        ):
            missing.append("TensorFlow/Keras put nothing on GPU:0")
        if missing:
            raise GateFailure(
                f"{where}: the example stayed on the CPU ({'; '.join(missing)}). Choose the device at "
                "run time, or mark it <!-- pytest.mark.cpu_only(reason='...') --> with the reason."
            )

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, self.example.page_line - 1, f"example at line {self.example.page_line}"


# Every example on a backend other than TensorFlow (torch, jax), and tests/test_bench_correctness.py:
# one pytest-xdist worker starts those backends' warm workers, once each.
NON_TF_GROUP = "keras-torch"
TAB_OUTPUTS = pytest.StashKey[dict]()


def equivalence_xdist_group(group: equivalence.Group):
    """A group's tabs and its check share a pytest-xdist worker: the check reads what the tabs sent."""
    if any(keras_backend_of(tab.example.code) != "tensorflow" for tab in group.tabs):
        return pytest.mark.xdist_group(NON_TF_GROUP)
    return pytest.mark.xdist_group(re.sub(r"\W", "-", f"tabs-{group.page}-{group.page_line}"))


class EquivalenceItem(pytest.Item):
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

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

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
    imported = re.findall(r"^\s*(?:import|from)\s+(torch|tensorflow|keras)\b", code, flags=re.M)
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


class SiteCheck(pytest.Item):
    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, GateFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

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
            and site.relative(path) not in included
        )
        if orphans:
            raise GateFailure(
                "snippet files that no page includes (include them on a page, or delete them):\n"
                + "\n".join(f"  {orphan}" for orphan in orphans)
            )


# --------------------------------------------------------------------------------------------------
# GPU mode


def gpu_preflight():
    """Before anything runs: both frameworks must see a GPU, or `make test-gpu` stops at once."""
    probe = (
        "import json, torch, tensorflow as tf\n"
        "print(json.dumps({'torch': torch.cuda.is_available(), 'torch_cuda': torch.version.cuda,"
        " 'tf': [d.name for d in tf.config.list_physical_devices('GPU')]}))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    try:
        seen = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        pytest.exit(
            f"make test-gpu: could not ask the frameworks for a GPU:\n{result.stderr[-2000:]}",
            returncode=2,
        )
    missing = []
    if not seen["torch"]:
        build = f"CUDA {seen['torch_cuda']}" if seen["torch_cuda"] else "a CPU-only build"
        missing.append(
            f"PyTorch sees no CUDA GPU (torch.cuda.is_available() is False; torch is {build})"
        )
    if not seen["tf"]:
        missing.append(
            "TensorFlow sees no GPU (tf.config.list_physical_devices('GPU') is empty; "
            "on a machine with an NVIDIA driver, run `make install-gpu` for tensorflow[and-cuda])"
        )
    if missing:
        pytest.exit(
            "make test-gpu needs a GPU, and none is usable:\n  " + "\n  ".join(missing),
            returncode=2,
        )


def pytest_runtest_logreport(report):
    if report.when == "call":
        for key, value in report.user_properties:
            if key == "device_evidence":
                _evidence.append({**value, "outcome": report.outcome})


_evidence: list[dict] = []


def pytest_sessionfinish(session):
    config = session.config
    if not config.getoption("--gpu") or hasattr(config, "workerinput"):
        return
    path = Path(config.rootpath, config.getini("gate_device_report"))
    path.parent.mkdir(parents=True, exist_ok=True)
    on_gpu = sum(
        1 for e in _evidence if e.get("torch_cuda_peak_bytes") or e.get("tf_gpu_peak_bytes")
    )
    report = {"examples": len(_evidence), "on_gpu": on_gpu, "results": _evidence}
    path.write_text(json.dumps(report, indent=2))
    print(f"\ndevice report: {path} ({on_gpu} of {len(_evidence)} examples used the GPU)")
