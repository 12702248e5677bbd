"""MkDocs hook: every page with examples is also a notebook, one per framework, with Download and
Open-in-Colab links under its title.

From the page's own Markdown (before rendering): its headings and prose paragraphs become Markdown
cells, each example (a ```python fence that includes `snippets/...` files) a code cell holding the
same file. A page with framework tabs gives one notebook per tab label, so a reader gets a runnable
PyTorch notebook or a runnable Keras notebook, not a mix: a tab's examples go to its label's notebook,
and an example outside the tabs goes to each notebook whose frameworks it uses. A page without tabs gives
one notebook. The first cells name the versions the examples were verified with and the `%pip` line
that installs them (Colab ships its own).

Written by hand because no plugin does this: mkdocs-jupyter renders notebooks, it does not make them.
The tests run each notebook's code cells top to bottom in one process (tests/gate/plugin.py,
`PageNotebookItem`), since cells share state, which the isolated example runs do not show.
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from site_version import version_name  # noqa: E402  (the published version these notebooks live in)

INCLUDE = re.compile(r"""^\s*--8<--\s+["']([^"':]+)["']\s*$""")
FENCE = re.compile(r"^(?P<indent>\s*)(?P<fence>```+|~~~+)\s*(?P<info>.*)$")
TAB = re.compile(r"""^(?P<indent>\s*)===\+?\s+["'](?P<label>[^"']+)["']""")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)(?:\s*\{[^}]*\})?\s*$")
KERAS_BACKEND = re.compile(r"""KERAS_BACKEND["']\]\s*=\s*["'](\w+)["']""")
IMPORT = re.compile(r"^\s*(?:import|from)\s+(\w+)", re.M)
LINK = re.compile(r"\]\(([^)#\s]+\.md)(#[^)\s]*)?\)")

# What each tab label runs on: (frameworks it may import, the Keras backend it needs or None).
LABELS = {
    "PyTorch": ({"torch"}, None),
    "TensorFlow": ({"tensorflow"}, "tensorflow"),
    "Keras": ({"keras", "tensorflow"}, "tensorflow"),
    "Keras on PyTorch": ({"keras", "torch"}, "torch"),
    "Keras on JAX": ({"keras", "jax"}, "jax"),
    "JAX": ({"jax"}, None),
}
FRAMEWORKS = {"torch", "tensorflow", "keras", "jax"}
# Distribution names of the modules examples import, for the %pip line (versions from requirements.txt).
DISTRIBUTIONS = {
    "torch": "torch",
    "tensorflow": "tensorflow",
    "keras": "keras",
    "jax": "jax",
    "sklearn": "scikit-learn",
    "onnx": "onnx",
    "onnxruntime": "onnxruntime",
    "onnxscript": "onnxscript",
    "ai_edge_litert": "ai-edge-litert",
}


@dataclass
class Example:
    snippets: list[str]
    code: str
    label: str | None  # the tab it sits in, if any

    @property
    def modules(self) -> set[str]:
        return set(IMPORT.findall(self.code))

    @property
    def backend(self) -> str | None:
        """The Keras backend the example runs on: what it sets, TensorFlow if it only imports keras."""
        if match := KERAS_BACKEND.search(self.code):
            return match[1]
        return "tensorflow" if "keras" in self.modules else None

    @property
    def starts_processes(self) -> bool:
        # The only examples with a __main__ guard start processes (CONTRIBUTING.md): with spawn or
        # forkserver those need an importable file, which a notebook is not.
        return "if __name__ ==" in self.code


@dataclass
class PageNotebook:
    label: str  # "PyTorch", ..., or "" for a page without tabs
    cells: list = field(default_factory=list)  # ("markdown" | "code", text)

    @property
    def code_cells(self) -> list[str]:
        return [text for kind, text in self.cells if kind == "code"]

    def script(self) -> str:
        """The code cells, top to bottom, as one program: what the tests run (without the %pip
        cell: the pinned versions are installed already)."""
        return "\n\n".join(self.code_cells) + "\n"


def read_blocks(markdown: str, root: Path = ROOT):
    """(kind, value) in page order: ("heading", "## x"), ("prose", paragraph), ("example", Example)."""
    lines = markdown.splitlines()
    if lines and lines[0].strip() == "---":  # front matter
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
        lines = lines[end + 1 :]
    tabs: list[tuple[int, str]] = []  # open tabs: (indentation of their `===`, label)
    paragraph: list[str] = []

    def flush():
        if paragraph:
            yield ("prose", "\n".join(paragraph))
            paragraph.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        indent = len(line) - len(line.lstrip())
        if line.strip():  # a line at or left of a tab's `===` closes that tab
            tabs = [(level, label) for level, label in tabs if indent > level]
        if tab := TAB.match(line):
            yield from flush()
            tabs.append((len(tab["indent"]), tab["label"]))
            i += 1
            continue
        if fence := FENCE.match(line):
            yield from flush()
            close = re.compile(rf"^\s*{re.escape(fence['fence'])}\s*$")
            body = []
            i += 1
            while i < len(lines) and not close.match(lines[i]):
                body.append(lines[i])
                i += 1
            i += 1
            info = fence["info"].strip().strip("{}").split()
            language = info[0].lstrip(".") if info else ""
            includes = [m[1] for b in body if (m := INCLUDE.match(b))]
            if language in ("python", "py", "python3") and includes:
                if not all((root / path).is_file() for path in includes):
                    continue  # a missing include fails the build and the gate, with its line
                code = "".join((root / path).read_text(encoding="utf-8") for path in includes)
                label = tabs[-1][1] if tabs else None
                yield ("example", Example(includes, code.rstrip("\n"), label))
            continue
        if heading := HEADING.match(line):
            yield from flush()
            yield ("heading", f"{heading[1]} {heading[2]}")
        elif not line.strip():
            yield from flush()
        elif indent == 0 and not line.startswith(("<", "!!!", "???", "|", "[", "*[")):
            paragraph.append(line)  # a paragraph, or a list item, at the page's top level
        elif paragraph and indent > 0 and not tabs:
            paragraph.append(line)  # its continuation lines
        i += 1
    yield from flush()


def fits(example: Example, label: str, tabs: bool = True) -> bool:
    """An example outside the tabs belongs in `label`'s notebook when it uses only that tab's
    frameworks (and at least one of them), on that tab's Keras backend. On a page without tabs, whose
    notebooks are one per Keras backend, an example belongs where its backend is."""
    allowed, backend = LABELS.get(label, (FRAMEWORKS, None))
    if not tabs:
        return example.backend in (None, backend)
    used = example.modules & FRAMEWORKS
    return bool(used) and used <= allowed and example.backend in (None, backend)


FRONT_MATTER_OPT_OUT = re.compile(r"\A---\n(?:.*\n)*?notebook:\s*false\s*\n(?:.*\n)*?---\n")


def page_notebooks(markdown: str, page_url: str, site_url: str, root: Path = ROOT):
    """{tab label ("" for a page without tabs): PageNotebook}; empty for a page with no example, or
    whose front matter says `notebook: false` (examples that must not share a process)."""
    if FRONT_MATTER_OPT_OUT.match(markdown):
        return {}
    blocks = list(read_blocks(markdown, root))
    examples = [value for kind, value in blocks if kind == "example"]
    if not examples:
        return {}
    labels = []
    for example in examples:
        if example.label and example.label not in labels:
            labels.append(example.label)
    tabs = bool(labels)
    by_backend = {"tensorflow": "Keras", "torch": "Keras on PyTorch", "jax": "Keras on JAX"}
    if not labels:  # no tabs: one notebook, or one per Keras backend when the examples need several
        backends = {e.backend for e in examples} - {None}
        labels = [""] if len(backends) <= 1 else [by_backend[b] for b in sorted(backends)]
    notebooks = {}
    for label in labels:
        notebook = PageNotebook(label)
        pending: list[str] = []  # headings and prose since the last example, kept if code follows
        for kind, value in blocks:
            if kind == "heading":
                level = len(value.split()[0])
                if level == 1:
                    continue  # the page title: the notebook's first cell has it
                while (
                    pending and pending[-1].startswith("#") and len(pending[-1].split()[0]) >= level
                ):
                    pending.pop()  # a section with neither prose nor code for this notebook
                pending.append(value)
            elif kind == "prose":
                pending.append(value)
            elif value.label == label if value.label else (not label or fits(value, label, tabs)):
                notebook.cells += [
                    ("markdown", relinked(text, page_url, site_url)) for text in pending
                ]
                pending = []
                if value.starts_processes:
                    notebook.cells.append(("markdown", starts_processes_note(value)))
                else:
                    notebook.cells.append(("code", value.code))
        if notebook.code_cells:
            notebooks[label] = notebook
    return notebooks


def starts_processes_note(example: Example) -> str:
    names = ", ".join(f"`{posixpath.basename(s)}`" for s in example.snippets)
    return (
        f"*The example {names} starts worker processes, which need an importable file: a notebook "
        "is not one. Copy it from the page into a file and run it with `python`.*"
    )


def relinked(text: str, page_url: str, site_url: str) -> str:
    """Links to other pages (`../guide/x.md#y`), made absolute: a notebook is read far from the site."""

    def absolute(match: re.Match) -> str:
        page_dir = posixpath.dirname(page_url.rstrip("/"))  # the page's own .md sits here
        target = posixpath.normpath(posixpath.join(page_dir, match[1]))
        target = target.removesuffix(".md").removesuffix("index").rstrip("/")
        url = urllib.parse.urljoin(site_url, f"{target}/" if target not in ("", ".") else "")
        return f"]({url}{match[2] or ''})"

    return LINK.sub(absolute, text)


def requirement_pins(root: Path = ROOT) -> dict[str, str]:
    pins = {}
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if match := re.match(r"^([A-Za-z0-9_.-]+)==([^\s#]+)", line):
            pins[match[1].lower()] = match[2]
    return pins


def project_python(root: Path) -> str:
    """The project's Python (.python-version): the one the pins are verified on."""
    try:
        return (root / ".python-version").read_text(encoding="utf-8").strip()
    except OSError:
        return f"{sys.version_info[0]}.{sys.version_info[1]}"


def to_ipynb(notebook: PageNotebook, title: str, page_link: str, root: Path = ROOT):
    """The .ipynb: a header cell (what it is, the versions), the %pip cell, then the page's cells."""
    pins = requirement_pins(root)
    modules = set().union(*(set(IMPORT.findall(code)) for code in notebook.code_cells))
    needed = {DISTRIBUTIONS[m] for m in modules if DISTRIBUTIONS.get(m) in pins}
    if any(Example([], code, None).backend == "tensorflow" for code in notebook.code_cells):
        needed.add("tensorflow")  # Keras's default backend
    needed = sorted(needed)
    verified = ", ".join(f"{name} {pins[name]}" for name in needed)
    header = (
        f"# {title}{f' ({notebook.label})' if notebook.label else ''}\n\n"
        f"The examples of [{title}]({page_link}), as one notebook: run the cells top to bottom. "
        f"They were verified with {verified}, on Python {project_python(root)} (Colab's). Colab "
        "ships its own versions of these "
        "packages: the next cell installs the verified ones (restart the session if Colab asks). "
        "The examples use a GPU when one is available."
    )
    pip = "%pip install --quiet " + " ".join(f"{name}=={pins[name]}" for name in needed)
    cells = [nbformat.v4.new_markdown_cell(header), nbformat.v4.new_code_cell(pip)]
    for kind, text in notebook.cells:
        make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        cells.append(make(text))
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{n}"  # stable ids: the same page gives the same file
    return nb


def notebook_name(page_src_uri: str, label: str) -> str:
    path = Path(page_src_uri)
    stem = (path.parent.name or "home") if path.stem == "index" else path.stem
    suffix = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
    return f"{stem}-{suffix}.ipynb" if suffix else f"{stem}.ipynb"


def github_repo(repo_url: str | None) -> str | None:
    match = re.match(r"https://github\.com/([^/]+/[^/]+?)(?:\.git)?/?$", repo_url or "")
    return match[1] if match else None


# --- MkDocs events ---------------------------------------------------------------------------------

_built: dict[str, object] = {}  # path in the site of each notebook -> notebook, for on_post_build


def on_pre_build(config):
    _built.clear()


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        return markdown
    notebooks = page_notebooks(markdown, page.url, config.site_url or "/")
    if not notebooks:
        return markdown
    folder = posixpath.dirname(page.file.dest_uri)
    repo = github_repo(config.repo_url)
    version = version_name((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    title = page.title or page.file.name
    page_link = urllib.parse.urljoin(config.site_url or "", page.url)
    entries = []
    for label, notebook in notebooks.items():
        name = notebook_name(page.file.src_uri, label)
        _built[posixpath.join(folder, name)] = to_ipynb(notebook, title, page_link)
        what = f"the {label} notebook" if label else "this page as a notebook"
        links = [f'<a href="{name}" download title="Download {what} ({name})">Download</a>']
        if repo:  # Colab opens it from the published branch, where mike put this version's site
            colab = (
                f"https://colab.research.google.com/github/{repo}/blob/gh-pages/{version}/"
                f"{posixpath.join(folder, name)}"
            )
            links.append(f'<a href="{colab}" title="Open {what} in Google Colab">Open in Colab</a>')
        entries.append(
            '<span class="page-notebook">'
            + (f"<strong>{label}</strong> " if label else "")
            + " · ".join(links)
            + "</span>"
        )
    row = f'<p class="page-notebooks">Run this page as a notebook: {" | ".join(entries)}</p>'
    lines = markdown.splitlines()
    at = next((i for i, line in enumerate(lines) if line.startswith("# ")), -1)
    lines.insert(at + 1, f"\n{row}\n")
    return "\n".join(lines)


def on_post_build(config):
    for path, notebook in _built.items():
        target = Path(config.site_dir, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(
            json.dumps(notebook, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
