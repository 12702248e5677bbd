"""MkDocs hook: the "Verified" stamp on every page that has examples, and the per-page table of the
"How this site is verified" page. It says only what is true:

- CPU: the tests run every example on every change, on the pinned versions. The versions are read
  from the installed packages at build time (the ones requirements.txt pins and the tests run
  against), never typed by hand.
- GPU: only what a committed device report says (docs/verification/*.json, the JSON that
  `make test-gpu` or tools/gpu-check writes on a GPU machine): its date, its device and the versions
  that ran there (that machine's own, not our pins). An example whose snippet has changed since that
  run does not count as run on a GPU; a page no report covers says "not yet run on a GPU". A report
  written on a CPU with GATE_FAKE_GPU is never read.
"""

import importlib.util
import json
import posixpath
import re
import sys
from html import escape
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FRAMEWORKS = {"torch": "PyTorch", "tensorflow": "TensorFlow", "keras": "Keras"}
OPTIONAL = {"jax": "JAX"}  # listed when installed
LABELS = {**FRAMEWORKS, **OPTIONAL}
REPORTS = "verification"  # docs/verification/*.json; the page is docs/verification/index.md
PAGE = f"{REPORTS}/index.md"
TABLE_MARKER = "<!-- verification-table -->"
REPORTS_MARKER = "<!-- verification-reports -->"
PYTHON_FENCE = re.compile(r"^\s*(?:```|~~~)\s*\{?\.?(?:python3?|py)\b", re.M)
INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+["'](snippets/[^"']+)["']""", re.M)
NOT_YET = "not yet run on a GPU"
RUNS = f"{REPORTS}/runs"  # docs/verification/runs/*.json: the matrix (hooks/matrix_data.py)
MATRIX_MARKER = "<!-- verification-matrix -->"


def _load_matrix_data():
    """hooks/matrix_data.py, by path: MkDocs loads each hook as a file, not as a package."""
    spec = importlib.util.spec_from_file_location(
        "matrix_data", Path(__file__).with_name("matrix_data.py")
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


matrix_data = _load_matrix_data()

_nav_order: list[str] = []


def installed_versions() -> dict[str, str]:
    found = {}
    for package, label in {**FRAMEWORKS, **OPTIONAL}.items():
        try:
            found[label] = version(package).split("+")[0]  # "2.13.0+cpu" -> "2.13.0"
        except PackageNotFoundError:
            if package in FRAMEWORKS:
                found[label] = "not installed"
    return found


def page_snippets(markdown: str) -> list[str]:
    return sorted(set(INCLUDE.findall(markdown)))


def load_reports(folder: Path) -> list[dict]:
    """The committed device reports, newest first; never one from a fake GPU."""
    reports = []
    for path in sorted(folder.glob("*.json")):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        if report.get("kind") == "device-report" and report.get("fake_gpu") is False:
            reports.append({**report, "file": path.name})
    return sorted(reports, key=lambda r: r["date"], reverse=True)


def examples_in(markdown: str) -> int:
    return len(PYTHON_FENCE.findall(markdown))


def gpu_status(page: str, reports: list[dict], root: Path, examples_now: int = 0) -> dict | None:
    """What the newest report that ran this page's examples says about them, or None."""
    for report in reports:
        results = [r for r in report["results"] if r["page"] == page]
        if not results:
            continue
        current = [
            r
            for r in results
            if all(
                matrix_data.file_hash(root, s) == h for s, h in (r.get("snippets") or {}).items()
            )
        ]
        passed = [r for r in current if r["outcome"] == "passed"]
        absent = sorted(
            {m for r in results if r["outcome"] == "not run" for m in r.get("absent", [])}
        )
        return {
            "report": report,
            "examples": len(results),
            "passed": len(passed),
            "cpu_only": sum(1 for r in passed if r.get("cpu_only")),
            "failed": sum(1 for r in current if r["outcome"] == "failed"),
            "not_run": sum(1 for r in results if r["outcome"] == "not run"),
            "absent": absent,
            "changed": sum(1 for r in results if r not in current and r["outcome"] != "not run"),
            "added": max(0, examples_now - len(results)),
        }
    return None


def gpu_versions(report: dict) -> str:
    parts = []
    for label, info in report.get("frameworks", {}).items():
        cuda = f" (CUDA {info['cuda']})" if info.get("cuda") else ""
        parts.append(f"{label} {info['version'].split('+')[0]}{cuda}")
    if "keras" in report.get("versions", {}):
        parts.append(f"Keras {report['versions']['keras']}")
    return ", ".join(parts)


def gpu_sentence(status: dict | None) -> str:
    if status is None:
        return NOT_YET
    report = status["report"]
    text = (
        f"{status['passed']} of {status['examples']} examples ran on {report['device']} on "
        f"{report['date'][:10]}, with {gpu_versions(report)}"
    )
    notes = []
    if status["cpu_only"]:
        notes.append(f"{status['cpu_only']} of them stay on the CPU by design")
    if status["failed"]:
        notes.append(f"{status['failed']} failed there")
    if status["not_run"]:
        needs = [LABELS.get(name, name) for name in status["absent"]]
        why = f" (they need {', '.join(needs)})" if needs else ""
        notes.append(f"{status['not_run']} not run there{why}")
    if status["changed"]:
        notes.append(f"{status['changed']} changed since: {NOT_YET} as they are now")
    if status["added"]:
        notes.append(f"{status['added']} added since: {NOT_YET}")
    return text + ("; " + "; ".join(notes) if notes else "")


def cpu_sentence(config) -> str:
    versions = ", ".join(f"{label} {v}" for label, v in config.extra["verified_with"].items())
    return f"every example runs on every change, with {versions}"


def site_root(config) -> Path:
    return Path(config.config_file_path).parent


def source_path(config, src_uri: str) -> str:
    """docs/guide/x.md for guide/x.md: the path the device report names a page by."""
    docs = Path(config.docs_dir).resolve()
    root = site_root(config).resolve()
    prefix = docs.relative_to(root) if docs.is_relative_to(root) else docs
    return posixpath.join(str(prefix), src_uri)


def on_config(config):
    config.extra["verified_with"] = installed_versions()
    config.extra["gpu_reports"] = load_reports(Path(config.docs_dir) / REPORTS)
    root = site_root(config)
    project_python = matrix_data.project_python(root)
    config.extra["matrix"] = {
        "runs": matrix_data.load_runs(Path(config.docs_dir) / RUNS, root, project_python),
        "pins": matrix_data.requirement_pins(root),
        "python": project_python,
    }
    return config


def on_nav(nav, config, files):
    _nav_order[:] = [page.file.src_uri for page in nav.pages]
    return nav


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri == PAGE:
        return verification_page(markdown, config, files)
    if not page_snippets(markdown):
        return markdown
    status = gpu_status(
        source_path(config, page.file.src_uri),
        config.extra["gpu_reports"],
        site_root(config),
        examples_in(markdown),
    )
    target = files.get_file_from_path(PAGE)
    more = (
        f' <a href="{target.url_relative_to(page.file)}">How this site is verified</a>'
        if target
        else ""
    )
    gpu = f"GPU: {gpu_sentence(status)}" if status else "Not yet run on a GPU"
    page_path = source_path(config, page.file.src_uri)
    markdown, also = matrix_notes(markdown, page_path, config)
    return (
        f"{markdown}\n\n"
        f'<p class="verified-with"><strong>Verified.</strong> CPU: {escape(cpu_sentence(config))}. '
        f"{also}{escape(gpu)}.{more}</p>\n"
    )


def page_statuses(markdown: str, page_path: str, config) -> list:
    matrix = config.extra["matrix"]
    return [
        matrix_data.example_status(example, matrix["runs"], matrix["pins"], site_root(config))
        for example in matrix_data.examples_of(page_path, markdown)
    ]


def code(text: str) -> str:
    return f"<code>{escape(text)}</code>"


BACKEND_PROBLEM = {
    "failed": "fails on {}",
    "timeout": "timed out on {}",
    "changed": "not yet run on {} since it changed",
}


def example_note(status) -> str:
    """What a reader of this one example should know beyond the page's stamp (empty: nothing)."""
    parts = []
    for axis, (needs, failed_on, error) in status.floors.items():
        label = matrix_data.LABELS[axis]
        parts.append(f"Needs {label} ≥ {needs}: on {failed_on} it {what_failed(error)}.")
    for python, error in status.python_failures:
        parts.append(f"On Python {python} it {what_failed(error)}.")
    if status.backends:
        names = matrix_data.BACKEND_LABELS
        ran = ["tensorflow"] + [b for b, c in status.backends.items() if c.status == "passed"]
        verified = [names[b] for b in names if b in ran]
        text = "Verified on the Keras backends " + join(verified)
        problems = [
            BACKEND_PROBLEM[c.status].format(names[b]) + (f" ({code(c.error)})" if c.error else "")
            for b, c in status.backends.items()
            if c.status != "passed"
        ]
        parts.append(text + ("; " + "; ".join(problems) if problems else "") + ".")
    return " ".join(parts)


def what_failed(error: str) -> str:
    """The end of "on 2.13 it ...": the record's first line of the failure, as a reader reads it."""
    error = error.rstrip(".")
    if error.startswith("prints "):
        return error
    if "Warning:" in error.split(" ")[0]:
        return f"warns {code(error)}"
    return f"fails with {code(error)}"


def join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def matrix_notes(markdown: str, page_path: str, config) -> tuple[str, str]:
    """The page with a note above each example that needs one, and the stamp's matrix sentence."""
    matrix = config.extra["matrix"]
    statuses = page_statuses(markdown, page_path, config)
    if not statuses or not [r for r in matrix["runs"] if not r.stale]:
        return markdown, ""
    lines = markdown.splitlines()
    for status in reversed(statuses):
        note = example_note(status)
        if note:
            example = status.example
            lines[example.fence_line : example.fence_line] = [
                f'{example.indent}<p class="example-matrix">{note}</p>',
                "",
            ]
    ranges = matrix_data.page_ranges(statuses, matrix["runs"], matrix["pins"], matrix["python"])
    tried = {r.axis for r in matrix["runs"] if not r.stale}
    spans = [
        f"{matrix_data.LABELS.get(axis, 'Python')} {low}" + (f"–{high}" if high != low else "")
        for axis, (low, high) in ranges.items()
        if axis in tried  # an axis no run varied would only repeat the pins
    ]
    if not spans:
        return "\n".join(lines), ""
    also = f"Examples verified on {', '.join(spans)}"
    floors = sum(1 for s in statuses if s.floors)
    if floors:
        needs = "needs" if floors == 1 else "need"
        also += f" ({floors} {needs} a newer release: see the note above {'it' if floors == 1 else 'each'})"
    changed = sum(1 for s in statuses if s.changed)
    if changed:
        also += f"; {changed} changed since the older releases ran: verified on the pins only"
    return "\n".join(lines), escape(also) + ". "


def verification_page(markdown: str, config, files) -> str:
    reports = config.extra["gpu_reports"]
    rows = ["| Page | CPU, on every change | GPU |", "| --- | --- | --- |"]
    order = {uri: i for i, uri in enumerate(_nav_order)}
    pages = sorted(
        files.documentation_pages(), key=lambda f: (order.get(f.src_uri, 1e9), f.src_uri)
    )
    for file in pages:
        if file.src_uri == PAGE or not page_snippets(file.content_string):
            continue
        status = gpu_status(
            source_path(config, file.src_uri),
            reports,
            site_root(config),
            examples_in(file.content_string),
        )
        link = posixpath.relpath(file.src_uri, REPORTS)
        title = file.page.title if file.page and file.page.title else file.src_uri
        rows.append(f"| [{title}]({link}) | all examples | {gpu_sentence(status)} |")
    versions = ", ".join(f"{label} {v}" for label, v in config.extra["verified_with"].items())
    table = "\n".join(rows) + f"\n\nCPU versions: {versions}."
    if reports:
        listed = [
            f"- {r['date'][:10]}, {r['device']}: {gpu_versions(r)}; {r['passed']} examples "
            f"passed, {r['failed']} failed, {len(r['not_run'])} not run "
            f"([the report]({r['file']}))"
            for r in reports
        ]
        runs = "\n".join(listed)
    else:
        runs = "None yet."
    markdown = markdown.replace(TABLE_MARKER, table).replace(REPORTS_MARKER, runs)
    return markdown.replace(MATRIX_MARKER, matrix_section(config, pages))


SYMBOLS = {
    "passed": "✓",
    "failed": "✗",
    "timeout": "timed out",
    "changed": "changed",
    "not run": "—",
}


def run_line(run, pins: dict) -> str:
    record = run.record
    results = record.get("results", [])
    passed = sum(1 for r in results if r["outcome"] == "passed")
    versions = ", ".join(
        f"{matrix_data.LABELS[k]} {v}" for k, v in sorted(record.get("versions", {}).items())
    )
    line = (
        f"- **{run.title}** (`{run.name}`): {record['date'][:10]}, Python {record['python']}, "
        f"{record['platform']}, {versions}: {passed} of {len(results)} passed"
    )
    if run.stale:
        line += f". **Stale, not counted:** {run.stale}"
    return line


def notebook_rows(page_path: str, runs, root: Path) -> list[tuple[str, list[matrix_data.Cell]]]:
    """A row per page notebook: its cell in each run (matrix_data.notebook_cell)."""
    names = sorted(
        {
            r["notebook"]
            for run in runs
            for r in run.record.get("results", [])
            if r["kind"] == "notebook" and r["page"] == page_path
        }
    )
    return [
        (name, [matrix_data.notebook_cell(run, page_path, name, root) for run in runs])
        for name in names
    ]


def cell_symbol(cell) -> str:
    """A table cell: the status's symbol, with the run's first error line on hover."""
    symbol = SYMBOLS[cell.status] if cell else "—"
    if cell and cell.error:
        symbol = f'<span title="{escape(cell.error)}">{symbol}</span>'
    return symbol


def matrix_section(config, pages) -> str:
    matrix = config.extra["matrix"]
    runs = matrix["runs"]
    if not runs:
        return "No run on record yet."
    current = [r for r in runs if not r.stale]
    out = ["### The runs", "", *(run_line(r, matrix["pins"]) for r in runs), ""]
    out += [
        "### Example by example",
        "",
        "✓ passed; ✗ failed (hover for the error); *changed*: the example changed after that run, "
        "so the run does not count for it; — not part of that run (a Keras backend run takes the "
        "examples that are not about one backend; the spawn run, those that start processes).",
        "",
    ]
    header = "| Example | " + " | ".join(r.title for r in current) + " |"
    rule = "| --- |" + " --- |" * len(current)
    for file in pages:
        if file.src_uri == PAGE or not page_snippets(file.content_string):
            continue
        page_path = source_path(config, file.src_uri)
        statuses = page_statuses(file.content_string, page_path, config)
        if not statuses:
            continue
        failing = sum(
            1 for s in statuses for c in s.cells.values() if c.status in ("failed", "timeout")
        )
        title = file.page.title if file.page and file.page.title else file.src_uri
        kind = "???" + ("+" if failing else "")
        count = f"{len(statuses)} example{'s' if len(statuses) != 1 else ''}"
        out += [f'{kind} note "{escape(title)}: {count}"', ""]
        out += [f"    {header}", f"    {rule}"]
        for status in statuses:
            names = ", ".join(Path(s).name for s in status.example.snippets)
            cells = [cell_symbol(status.cells.get(run.name)) for run in current]
            out.append(f"    | `{names}` | " + " | ".join(cells) + " |")
        for notebook, cells in notebook_rows(page_path, current, site_root(config)):
            symbols = [cell_symbol(cell) for cell in cells]
            out.append(f"    | notebook `{notebook}` | " + " | ".join(symbols) + " |")
        out.append("")
    return "\n".join(out)
