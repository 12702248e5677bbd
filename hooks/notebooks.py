"""MkDocs hook: notebook pages built at build time from the site's snippet files.

A spec `docs/<dir>/<name>.nb.yml` lists the cells: `markdown: <text>` or `snippet: <path>` (a file under
snippets/, the same file a page includes, so there is no second copy of any example). For each spec this
hook builds `<dir>/<name>.ipynb` with nbformat, executes it with nbclient on the `python3` kernel (the
Python running the build), and adds it to the site in place of the spec. mkdocs-jupyter then renders it
with its outputs and, with `include_source: true`, publishes the `.ipynb` next to the page for download.

A notebook written by hand, `docs/<dir>/<name>.ipynb`, is run the same way, its saved outputs dropped
first (`load_handmade`): the page shows the outputs of the build's run, never outputs typed or kept by hand.

A cell that raises fails the build; a Python warning in a cell's output is logged as a warning, which
fails `mkdocs build --strict`. An executed notebook is cached in .cache/notebooks/ and reused while its
cells and every installed package version stay the same (see `cache_key`). tests/gate/notebooks.py builds and runs the same notebooks with
`build_notebook` and `execute_notebook` below.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import posixpath
import re
import shutil
import sys
import tempfile
import time
from html import escape
from importlib import metadata
from pathlib import Path

import nbformat
import tinycss2
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from nbclient import NotebookClient

SPEC_SUFFIX = ".nb.yml"
KERNEL = "python3"
CELL_TIMEOUT_S = 120
CACHE_DIR = ".cache/notebooks"  # under the project root, git-ignored
KERNELSPEC = {"name": KERNEL, "display_name": "Python 3 (ipykernel)", "language": "python"}
# Native libraries (TensorFlow's C++ logging: oneDNN, CUDA probing) write to the process's stderr, not to
# Python's sys.stderr; they stay out of the cells' outputs (they vary by machine) and go to a log file.
KERNEL_ARGS = ["--IPKernelApp.capture_fd_output=False"]
# Run silently in the kernel before the first cell (not a cell of the notebook): every logging record at
# WARNING or above that reaches the root logger is printed as "WARNING:<logger>:<message>", so a cell's
# output shows it (as the reader's `python` would print it, with a recognisable prefix).
PREAMBLE = (
    "import logging as _logging\n_logging.basicConfig(level=_logging.WARNING)\ndel _logging\n"
)
# What counts as a warning in a cell's output: "file.py:12: DeprecationWarning: ..." as the warnings
# module prints it; logging records "WARNING:tensorflow:..." ("ERROR:...", "CRITICAL:..." too); absl's
# own format "W0102 12:00:00.123 123 file.py:45] ...".
WARNING_LINE = re.compile(
    r"^(?:\S.*?:\d+: \w*Warning: .*|\w*Warning: .*|(?:WARNING|ERROR|CRITICAL):[\w.]+:.*"
    r"|[WEF]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ \S+:\d+\] .*)$",
    re.M,
)
# Material Design's "download" icon, sized like text by Material's .twemoji class.
DOWNLOAD_ICON = (
    '<span class="twemoji"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
    '<path d="M5 20h14v-2H5m14-9h-4V3H9v6H5l7 7z"/></svg></span>'
)
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

log = logging.getLogger("mkdocs.hooks.notebooks")


class NotebookCellError(Exception):
    """A cell of a notebook raised (or timed out, or killed its kernel) while the notebook ran."""

    def __init__(self, name: str, index: int, cell, detail: str):
        self.name, self.index, self.source, self.detail = name, index, cell.source, detail
        first_line = next((line for line in cell.source.splitlines() if line.strip()), "")
        origin = f", from {cell.metadata['snippet']}" if "snippet" in cell.metadata else ""
        super().__init__(f"{name}: cell {index} (`{first_line}`{origin}) failed:\n{detail}")


def notebook_uri(spec_uri: str) -> str:
    """`notebooks/side-by-side.nb.yml` -> `notebooks/side-by-side.ipynb`."""
    return spec_uri[: -len(SPEC_SUFFIX)] + ".ipynb"


def load_spec(spec_path: Path) -> list[dict]:
    cells = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if set(cell) not in ({"markdown"}, {"snippet"}):
            raise ValueError(
                f"{spec_path}: a cell is `markdown: <text>` or `snippet: <path>`: {cell!r}"
            )
    return cells


def snippet_paths(spec_path: Path, root: Path) -> list[Path]:
    return [root / cell["snippet"] for cell in load_spec(spec_path) if "snippet" in cell]


def build_notebook(spec_path: Path, root: Path) -> nbformat.NotebookNode:
    """The notebook a spec describes, not executed. `root` is the folder snippet paths are relative to."""
    cells = []
    for index, cell in enumerate(load_spec(spec_path)):
        cell_id = f"cell-{index}"  # fixed ids: the same spec always gives the same file
        if "markdown" in cell:
            cells.append(nbformat.v4.new_markdown_cell(cell["markdown"].strip(), id=cell_id))
        else:
            source = (root / cell["snippet"]).read_text(encoding="utf-8").strip()
            cells.append(
                nbformat.v4.new_code_cell(source, id=cell_id, metadata={"snippet": cell["snippet"]})
            )
    notebook = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})
    nbformat.validate(notebook)
    return notebook


def load_handmade(path: Path) -> nbformat.NotebookNode:
    """A notebook written by hand (`docs/**/*.ipynb`), as the site runs it: the outputs and execution
    counts saved in the file are dropped, so the page shows only what the run produces."""
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    notebook.metadata["kernelspec"] = KERNELSPEC
    nbformat.validate(notebook)
    return notebook


def execute_notebook(notebook, name: str, cwd: Path, timeout: int = CELL_TIMEOUT_S):
    """Run every cell in order in a fresh kernel started in `cwd`; raise NotebookCellError on the first
    cell that raises, times out or kills the kernel. The outputs are stored in `notebook`."""
    client = NotebookClient(
        notebook,
        kernel_name=KERNEL,
        timeout=timeout,
        extra_arguments=KERNEL_ARGS,
        resources={"metadata": {"path": str(cwd)}},
    )
    with tempfile.TemporaryFile("w+", prefix="kernel-", suffix=".log") as kernel_log:
        with client.setup_kernel(stderr=kernel_log):
            info = client.wait_for_reply(client.kc.kernel_info())
            notebook.metadata["language_info"] = info["content"]["language_info"]
            client.wait_for_reply(client.kc.execute(PREAMBLE, silent=True, store_history=False))
            for index, cell in enumerate(notebook.cells):
                try:
                    client.execute_cell(cell, index, execution_count=client.code_cells_executed + 1)
                except Exception as error:  # CellExecutionError, CellTimeoutError, DeadKernelError
                    detail = ANSI.sub("", str(error))
                    if "DeadKernel" in type(error).__name__:
                        kernel_log.seek(0)
                        detail += "\nkernel stderr (last lines):\n" + "".join(
                            kernel_log.readlines()[-20:]
                        )
                    raise NotebookCellError(name, index, cell, detail) from None
    return notebook


def python_warnings(notebook) -> list[tuple[int, str]]:
    """(cell index, line) for each Python warning or WARNING log record in the cells' outputs."""
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                found += [
                    (index, line) for line in WARNING_LINE.findall(ANSI.sub("", output["text"]))
                ]
    return found


# --- A cache of executed notebooks: `mkdocs serve` rebuilds on every edit, and the tests' strict build
# reuses the run of the notebook's own test. An entry is reused only for the same unexecuted notebook
# (cells, hence snippet text), the same Python and the same version of every installed distribution.


def cache_key(notebook) -> str:
    """Of the notebook before it runs."""
    hasher = hashlib.sha256(nbformat.writes(notebook).encode())
    hasher.update(f"{sys.version}|{KERNEL_ARGS}|{PREAMBLE}".encode())
    installed = {
        (dist.metadata["Name"] or "").lower(): dist.version for dist in metadata.distributions()
    }
    hasher.update(repr(sorted(installed.items())).encode())
    return hasher.hexdigest()[:32]


def cached_run(root: Path, stem: str, key: str):
    path = root / CACHE_DIR / f"{stem}-{key}.ipynb"
    return nbformat.read(path, as_version=4) if path.is_file() else None


def store_run(root: Path, stem: str, key: str, notebook) -> None:
    """Keep a warning-free, executed notebook: one entry per notebook, written atomically."""
    folder = root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{stem}-*.ipynb"):
        old.unlink(missing_ok=True)
    with tempfile.NamedTemporaryFile(
        "w", dir=folder, suffix=".tmp", delete=False, encoding="utf-8"
    ) as tmp:
        nbformat.write(notebook, tmp)
    os.replace(tmp.name, folder / f"{stem}-{key}.ipynb")


# --- MkDocs events -------------------------------------------------------------------------------

_build_dir: str | None = None
_snippets: set[Path] = set()


@event_priority(50)  # before mkdocs-jupyter's on_files, which picks up the .ipynb files it renders
def on_files(files, config):
    global _build_dir
    root = Path(config.config_file_path).resolve().parent
    specs = [file for file in files if file.src_uri.endswith(SPEC_SUFFIX)]
    # Notebooks written by hand are run too: the page shows the outputs of this run, never the saved ones.
    handmade = [file for file in files if file.src_uri.endswith(".ipynb")]
    if specs or handmade:
        _build_dir = tempfile.mkdtemp(prefix="mkdocs-notebooks-")
    for source in specs + handmade:
        files.remove(
            source
        )  # a spec is not published, a hand-made notebook is replaced: the run is
        if source in specs:
            uri = notebook_uri(source.src_uri)
            notebook = build_notebook(Path(source.abs_src_path), root)
            _snippets.update(snippet_paths(Path(source.abs_src_path), root))
        else:
            uri = source.src_uri
            notebook = load_handmade(Path(source.abs_src_path))
        stem, key = Path(uri).stem, cache_key(notebook)
        if (cached := cached_run(root, stem, key)) is not None:
            notebook = cached
            log.info(
                "notebooks: %s unchanged since its last run (%s): outputs reused", uri, CACHE_DIR
            )
        else:
            started = time.perf_counter()
            with tempfile.TemporaryDirectory(prefix="notebook-run-") as cwd:
                try:
                    execute_notebook(notebook, uri, Path(cwd))
                except NotebookCellError as error:
                    raise PluginError(str(error)) from None
            log.info("notebooks: executed %s in %.1f s", uri, time.perf_counter() - started)
            warnings = python_warnings(notebook)
            for index, line in warnings:
                log.warning("%s: cell %d printed a Python warning: %s", uri, index, line)
            if not warnings:
                store_run(root, stem, key, notebook)
        path = Path(_build_dir, uri)
        path.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, path)
        # A File with a real src_dir, not File.generated: mkdocs-jupyter's wrapper finds the source
        # through src_dir and abs_src_path.
        files.append(File(uri, _build_dir, config.site_dir, config.use_directory_urls))
    return files


def on_page_content(html, page, config, files):
    """On a notebook page: a download link under the title (mkdocs-jupyter publishes the .ipynb next to
    the page), and the "verified with" stamp, which hooks/verified_with.py adds in on_page_markdown, an
    event mkdocs-jupyter's rendering skips."""
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    name = posixpath.basename(page.file.src_uri)
    download = (
        f'<p class="notebook-download"><a href="{name}" download>{DOWNLOAD_ICON} Download this notebook '
        f"(<code>{name}</code>)</a> to run it in Jupyter.</p>"
    )
    html = html.replace("</h1>", "</h1>\n" + download, 1) if "</h1>" in html else download + html
    if config.extra.get("verified_with") and 'class="verified-with"' not in html:
        # The same words as every page's stamp (hooks/verified_with.py); the build runs the notebook on
        # the CPU, and `make test-gpu` does not run notebook pages.
        cpu = _verified_with().cpu_sentence(config)
        html += (
            f'\n<p class="verified-with"><strong>Verified.</strong> CPU: {escape(cpu)}. '
            "Not yet run on a GPU.</p>\n"
        )
    # A code cell wider than its box scrolls sideways: keyboard users reach it with Tab (axe-core's
    # scrollable-region-focusable), as they reach Material's own code blocks.
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    return prune_unused_css(html)


def _verified_with():
    """hooks/verified_with.py, loaded once (MkDocs loads each hook as a module of its own)."""
    if "verified_with_hook" not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            "verified_with_hook", Path(__file__).with_name("verified_with.py")
        )
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return sys.modules["verified_with_hook"]


def prune_unused_css(html: str) -> str:
    """Drop the CSS rules of the inlined JupyterLab stylesheets (~570 KB) that match nothing on the page.

    mkdocs-jupyter inlines all of JupyterLab's CSS into every notebook page, which alone costs the page its
    Lighthouse performance budget. A rule is kept when every class its selector names occurs in the page
    (classes inside :not() aside; at-rules are pruned the same way inside, and kept whole when they hold no rules: @font-face, ...).
    """
    classes = set(re.findall(r'class="([^"]*)"', html))
    present = {name for value in classes for name in value.split()}

    def keep(rule) -> bool:
        # Classes inside :not(...) need not be on the page: the rule applies precisely when they aren't.
        selector = re.sub(r":not\([^)]*\)", "", tinycss2.serialize(rule.prelude))
        return any(
            all(name in present for name in re.findall(r"\.([\w-]+)", part))
            for part in selector.split(",")
        )

    def prune(rules) -> str:
        out = []
        for rule in rules:
            if rule.type == "qualified-rule" and keep(rule):
                out.append(tinycss2.serialize([rule]))
            elif (
                rule.type == "at-rule"
                and rule.content is not None
                and "{" in tinycss2.serialize(rule.content)
            ):
                inner = prune(tinycss2.parse_rule_list(rule.content, skip_whitespace=True))
                if inner:
                    out.append(
                        f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{inner}}}"
                    )
            elif rule.type == "at-rule":
                out.append(tinycss2.serialize([rule]))
        return "".join(out)

    def replace(match: re.Match) -> str:
        css = match.group(2)
        if len(css) < 20_000:  # the small blocks (Pygments colours, mermaid) stay as they are
            return match.group(0)
        return (
            match.group(1)
            + prune(tinycss2.parse_stylesheet(css, skip_whitespace=True))
            + match.group(3)
        )

    return re.sub(r"(<style[^>]*>)(.*?)(</style>)", replace, html, flags=re.S)


def on_serve(server, config, builder):
    for path in _snippets:  # rebuild when an example a notebook shows changes
        server.watch(str(path))
    return server


def _remove_build_dir():
    global _build_dir
    if _build_dir:
        shutil.rmtree(_build_dir, ignore_errors=True)
        _build_dir = None


def on_post_build(config):
    _remove_build_dir()


def on_build_error(error):
    _remove_build_dir()
