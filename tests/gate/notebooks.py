"""Notebook pages: each spec `docs/**/*.nb.yml`, and each notebook written by hand `docs/**/*.ipynb`,
is one test that builds the notebook exactly as the site does (hooks/notebooks.py: markdown cells and
snippet files; a hand-made notebook without the outputs saved in it, `load_handmade`) and runs every
cell, in order, in a fresh `python3` kernel started in an empty temporary folder. It always runs the notebook (a passing run is
then stored in .cache/notebooks/, where the site build finds it instead of running the notebook again).

It fails, naming the notebook, the cell index, the cell's first line and the snippet it comes from, when
a cell raises, times out or kills the kernel, or when a cell's output shows a Python warning or a
logging record at WARNING level or above.

Wiring (tests/gate/plugin.py): `return collect_notebook(file_path, parent)` from pytest_collect_file for
every file path; it returns None for anything that is not a `*.nb.yml` spec or a `.ipynb` under docs/.
"""

import importlib.util
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK_TIME_LIMIT_S = 600  # the whole notebook; each cell has the hook's CELL_TIMEOUT_S


def _load_hook():
    """hooks/notebooks.py, the module MkDocs runs: the tests build the notebooks with the same code."""
    name = "_gate_notebooks_hook"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "hooks" / "notebooks.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


hook = _load_hook()


def collect_notebook(file_path: Path, parent):
    """The collector for a notebook spec or a notebook under docs/, or None for any other file."""
    if file_path.name.endswith(hook.SPEC_SUFFIX):
        return NotebookFile.from_parent(parent, path=file_path)
    docs = Path(parent.config.rootpath, "docs").resolve()
    if file_path.suffix == ".ipynb" and file_path.resolve().is_relative_to(docs):
        return NotebookFile.from_parent(parent, path=file_path)  # written by hand: run it as well
    return None


class NotebookFailure(Exception):
    """A failure whose message already says which notebook and cell; shown without a traceback."""


class NotebookFile(pytest.File):
    def collect(self):
        name = self.path.name if self.path.suffix == ".ipynb" else hook.notebook_uri(self.path.name)
        item = NotebookItem.from_parent(self, name=name)
        item.add_marker(pytest.mark.timeout(NOTEBOOK_TIME_LIMIT_S))
        # With the site checks on one worker, and first (plugin.py orders them): the strict build then
        # reuses this run's outputs from the cache instead of running the notebook again.
        item.add_marker(pytest.mark.xdist_group("site"))
        yield item


class NotebookItem(pytest.Item):
    def runtest(self):
        spec = self.path
        root = Path(self.config.rootpath)  # the site's root: snippet paths are relative to it
        if spec.suffix == ".ipynb":  # written by hand: run without the outputs saved in it
            shown_as = str(spec.relative_to(root / "docs"))
            name = str(spec.relative_to(root))
            notebook = hook.load_handmade(spec)
        else:
            try:
                shown_as = hook.notebook_uri(str(spec.relative_to(root / "docs")))
            except ValueError:
                shown_as = hook.notebook_uri(spec.name)
            name = f"{spec.relative_to(root) if spec.is_relative_to(root) else spec} ({shown_as})"
            notebook = hook.build_notebook(spec, root)
        key = hook.cache_key(notebook)  # always run here; the site build may then reuse this run
        with tempfile.TemporaryDirectory(prefix="notebook-run-") as cwd:
            try:
                hook.execute_notebook(notebook, name, Path(cwd))
            except hook.NotebookCellError as error:
                raise NotebookFailure(str(error)) from None
        for index, cell in enumerate(notebook.cells):
            for output in cell.get("outputs", []):
                if output.get("output_type") == "stream":
                    self.add_report_section(
                        "call", f"cell {index} {output['name']}", output["text"]
                    )
        found = hook.python_warnings(notebook)
        if found:
            lines = []
            for index, line in found:
                cell = notebook.cells[index]
                first = next((text for text in cell.source.splitlines() if text.strip()), "")
                origin = f", from {cell.metadata['snippet']}" if "snippet" in cell.metadata else ""
                lines.append(f"  cell {index} (`{first}`{origin}): {line}")
            raise NotebookFailure(
                f"{name}: {len(found)} warning(s) in the cells' output\n" + "\n".join(lines)
            )
        if spec.is_relative_to(root / "docs"):
            hook.store_run(root, Path(shown_as).stem, key, notebook)

    def repr_failure(self, excinfo):
        if isinstance(excinfo.value, NotebookFailure):
            return str(excinfo.value)
        return super().repr_failure(excinfo)

    def reportinfo(self):
        return self.path, None, f"notebook {self.name}"
