"""Every page's notebooks (hooks/page_notebooks.py), run as a reader runs them: the code cells top to
bottom in ONE process, in the warm worker of the notebook's Keras backend. Unlike the isolated example
runs, cells share state here, so an example that leaves a global setting behind (a dtype policy, a
debug switch, a seed) and breaks a later one fails its notebook.

A failure names the notebook, the cell and the snippet file line that raised.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from .failures import GateFailure, ShowsGateFailure

ROOT = Path(__file__).resolve().parents[2]
INCLUDE = re.compile(r"""^\s*-{1,}8<-{1,}\s+["'](snippets/[^"']+)["']""", re.M)
NOTEBOOK_TIME_LIMIT = 180.0  # seconds for a whole notebook: the sum of its examples, and then some


def _load_hook():
    spec = importlib.util.spec_from_file_location(
        "page_notebooks_hook", ROOT / "hooks" / "page_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


hook = _load_hook()


def collect_page_notebooks(parent, page_path: Path, site):
    """One item per notebook of the page at `page_path` (a file under the site's docs_dir)."""
    hooks = [Path(h).name for h in site.config["hooks"]] if "hooks" in site.config else []
    if "page_notebooks.py" not in hooks or parent.config.getoption("--gpu"):
        return  # the site makes no notebooks; on a GPU, only the isolated examples run (report)
    relative = page_path.resolve().relative_to(site.docs_dir)
    url = relative.with_suffix("").as_posix() + "/"
    markdown = page_path.read_text(encoding="utf-8")
    notebooks = hook.page_notebooks(markdown, url, site.config["site_url"] or "/", site.root)
    notebook_snippets = sorted(set(INCLUDE.findall(markdown)))
    for label, notebook in notebooks.items():
        name = hook.notebook_name(relative.as_posix(), label)
        backend = hook.LABELS.get(label, (None, None))[1]
        if parent.config.getoption("--uses"):
            from . import matrix

            if not matrix.selects(parent.config, notebook.script(), [], backend):
                continue
        item = PageNotebookItem.from_parent(parent, name=f"notebook {name}")
        item.notebook, item.notebook_file = notebook, name
        if backend not in (None, "tensorflow"):  # share the xdist worker of that backend's examples
            from .plugin import NON_TF_GROUP

            item.add_marker(pytest.mark.xdist_group(NON_TF_GROUP))
        factor = parent.config.getoption("--timeout-factor")
        item.add_marker(pytest.mark.timeout(NOTEBOOK_TIME_LIMIT * factor + 60))
        if parent.config.getoption("--record"):
            from . import matrix

            entry = matrix.result_entry(
                site.root, f"docs/{relative.as_posix()}", None, "notebook", notebook_snippets
            )
            entry = {**entry, "notebook": name}
            if matrix.unchanged_since_record(parent.config, entry):
                continue  # --record-update: its old result stands
            item.user_properties.append(("matrix_entry", entry))
        yield item


class PageNotebookItem(ShowsGateFailure, pytest.Item):
    notebook: object
    notebook_file: str

    def runtest(self):
        from .plugin import RUNNER

        script = self.notebook.script()
        # The notebook's Keras backend is its tab's (a cell may set KERAS_BACKEND too late on purpose).
        backend = hook.LABELS.get(self.notebook.label, (None, None))[1]
        outcome = self.config.stash[RUNNER].run(
            script,
            self.notebook_file + ".py",
            NOTEBOOK_TIME_LIMIT * self.config.getoption("--timeout-factor"),
            backend=backend,
        )
        self.add_report_section("call", "stdout", outcome.stdout)
        self.add_report_section("call", "stderr", outcome.stderr[-5000:])
        self.user_properties.append(("matrix_status", outcome.status))  # timeout: not a finding
        where = f"{self.path}: notebook {self.notebook_file}"
        if outcome.status != "passed":
            raise GateFailure(
                f"{where}: run top to bottom in one process, it fails\n"
                + "\n".join(self.locate(frame) for frame in outcome.frames if frame.get("lineno"))
                + f"\n{outcome.error}"
            )
        if outcome.warnings:
            shown = "\n".join(
                f"  {w['category']}: {w['message']} ({self.locate(w)})" for w in outcome.warnings
            )
            raise GateFailure(f"{where}: run top to bottom, it warns\n{shown}")

    def locate(self, frame: dict) -> str:
        """`cell 5 (snippets/x/y.py:12)` for a line of the notebook's script."""
        if not str(frame.get("filename", "")).endswith(self.notebook_file + ".py"):
            return f"  {frame.get('filename')}:{frame.get('lineno')}"
        line = frame["lineno"]
        start = 1
        for number, code in enumerate(self.notebook.code_cells, 1):
            size = code.count("\n") + 1
            if start <= line < start + size:
                return f"  code cell {number}, line {line - start + 1}: {frame.get('line', '')}"
            start += size + 2  # the two newlines between cells
        return f"  line {line}"

    def reportinfo(self):
        return self.path, None, self.name
