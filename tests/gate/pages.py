"""Read a page as the site renders it: includes expanded by pymdownx.snippets with the site's own
configuration from mkdocs.yml, then code blocks extracted by pytest-codeblocks.

What is written by hand here, because no library does it: a map from each line of the expanded page back
to the page line and the snippet file line it came from (so failures name both), and the fence policy that
closes pytest-codeblocks' gaps (it only runs fences whose info string is exactly `python`).
"""

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
from mkdocs.config import load_config
from pytest_codeblocks.main import CodeBlock, extract_from_buffer

# Fences the gate runs, whatever attributes follow (` ```python title="x.py" `, ` ```py `, ` ```{.python} `).
PYTHON_LANGUAGES = {"python", "py", "python3"}
# Fences shown and never run, each for a reason the reader can see: a shell session with its `$ ` prompt,
# or output that an expected-output marker ties to the example above it (and the gate checks).
SHOWN_NOT_RUN = {"console": "a shell session, shown with its `$ ` prompt", "text": "checked output"}


@dataclass
class Origin:
    page_line: int  # 1-based line in the page's own Markdown
    snippet: str | None = None  # repository-relative path of the included file, if any
    snippet_line: int | None = None  # 1-based line in that file


@dataclass
class Example:
    """One code block of a page, with where each of its lines came from."""

    page: Path
    block: CodeBlock
    language: str
    origins: list[Origin]  # one per line of block.code
    fence_origin: Origin

    @property
    def code(self) -> str:
        return self.block.code

    @property
    def page_line(self) -> int:
        return self.fence_origin.page_line

    @property
    def snippets(self) -> list[str]:
        return sorted({o.snippet for o in self.origins if o.snippet})

    @property
    def filename(self) -> str:
        """The file name a reader copying this example would most likely use."""
        return Path(self.snippets[0]).name if len(self.snippets) == 1 else "example.py"

    def locate(self, code_line: int) -> str:
        """`snippets/x.py:12` (or `docs/page.md:40`) for a 1-based line of the example's code."""
        origin = self.origins[code_line - 1] if 0 < code_line <= len(self.origins) else None
        if origin is None:
            return f"line {code_line} of the example"
        if origin.snippet:
            return f"{origin.snippet}:{origin.snippet_line}"
        return f"{self.page}:{origin.page_line}"


@dataclass
class Page:
    path: Path  # relative to the site root
    lines: list[str]  # expanded
    origins: list[Origin]  # one per expanded line
    examples: list[Example] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (page line, message)

    @property
    def included_snippets(self) -> set[str]:
        return {o.snippet for o in self.origins if o.snippet}


class IncludeError(Exception):
    def __init__(self, page_line: int, message: str):
        super().__init__(message)
        self.page_line = page_line


class Site:
    """The site as mkdocs.yml describes it."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.config = load_config(str(self.root / "mkdocs.yml"))
        self.docs_dir = Path(self.config["docs_dir"]).resolve()
        md = markdown.Markdown(
            extensions=self.config["markdown_extensions"],
            extension_configs=self.config["mdx_configs"],
        )
        self.snippet_preprocessor = md.preprocessors["snippet"]
        snippet_config = self.config["mdx_configs"].get("pymdownx.snippets", {})
        self._pages: dict[Path, Page] = {}
        self.snippet_bases = [
            (self.root / base).resolve() for base in snippet_config.get("base_path", ["."])
        ]

    def relative(self, path: Path | str) -> str:
        path = Path(path).resolve()
        return str(path.relative_to(self.root)) if path.is_relative_to(self.root) else str(path)

    def pages(self) -> list[Path]:
        return sorted(self.docs_dir.rglob("*.md"))

    def read_page(self, path: Path) -> Page:
        path = Path(path).resolve()
        if path not in self._pages:
            self._pages[path] = self._read_page(path)
        return self._pages[path]

    def _read_page(self, path: Path) -> Page:
        page = Page(path=Path(self.relative(path)), lines=[], origins=[])
        try:
            page.lines, page.origins = self._expand(path.read_text(encoding="utf-8"))
        except IncludeError as error:
            page.problems.append((error.page_line, str(error)))
            return page
        blocks = extract_from_buffer(io.StringIO("".join(line + "\n" for line in page.lines)))
        for block in blocks:
            fence_index = block.lineno - 1
            language = fence_language(block.syntax)
            n_lines = block.code.count("\n")
            example = Example(
                page=page.path,
                block=block,
                language=language,
                origins=page.origins[fence_index + 1 : fence_index + 1 + n_lines],
                fence_origin=page.origins[fence_index],
            )
            page.examples.append(example)
            if language not in PYTHON_LANGUAGES | set(SHOWN_NOT_RUN):
                page.problems.append(
                    (
                        example.page_line,
                        f"a ```{block.syntax or ''} block is shown but never run: use ```python for "
                        "code the tests run, ```console (with a `$ ` prompt) for shell commands, or "
                        "```text after an expected-output marker for checked output",
                    )
                )
            elif language == "text":
                page.problems.append(
                    (
                        example.page_line,
                        "a ```text block is shown unchecked: put <!--pytest-codeblocks:expected-output--> "
                        "between the example and its output so the tests compare them",
                    )
                )
            elif language == "console" and not block.code.lstrip().startswith("$ "):
                page.problems.append(
                    (
                        example.page_line,
                        "a ```console block must show its commands with a `$ ` prompt",
                    )
                )
        return page

    def _expand(self, text: str) -> tuple[list[str], list[Origin]]:
        """Expand includes line by line, so each expanded line knows where it came from."""
        lines, origins = [], []
        source = text.split("\n")
        index = 0
        while index < len(source):
            line = source[index]
            match = self.snippet_preprocessor.RE_ALL_SNIPPETS.match(line)
            chunk = [line]
            if match and match.group("block_marker") and not match.group("escape"):
                # Block form: expand from this marker through the closing one, as one unit.
                end = index + 1
                while end < len(source) and not self.snippet_preprocessor.RE_ALL_SNIPPETS.match(
                    source[end]
                ):
                    end += 1
                chunk = source[index : end + 1]
            try:
                expanded = self.snippet_preprocessor.run(list(chunk))
            except Exception as error:  # SnippetMissingError and friends: name the page line
                raise IncludeError(index + 1, f"include failed: {error}") from error
            snippet = self._included_file(line) if match and match.group("inline_marker") else None
            first_line = self._first_line_in_snippet(snippet, expanded) if snippet else None
            for offset, expanded_line in enumerate(expanded):
                lines.append(expanded_line)
                origins.append(
                    Origin(
                        page_line=index + 1,
                        snippet=snippet,
                        snippet_line=first_line + offset if first_line else None,
                    )
                )
            index += len(chunk)
        return lines, origins

    def _included_file(self, line: str) -> str | None:
        target = self.snippet_preprocessor.RE_ALL_SNIPPETS.match(line).group("snippet")[1:-1]
        target = re.split(r":(?=[\d\[])", target.strip(), maxsplit=1)[0]  # drop :lines or :section
        for base in self.snippet_bases:
            candidate = (base / target).resolve()
            if candidate.is_file():
                return self.relative(candidate)
        return None

    def _first_line_in_snippet(self, snippet: str, expanded: list[str]) -> int | None:
        """Line of the snippet file where the included text starts (1 for a whole-file include)."""
        if not expanded:
            return None
        file_lines = (self.root / snippet).read_text(encoding="utf-8").split("\n")
        indent = len(expanded[0]) - len(expanded[0].lstrip())
        first = expanded[0][indent:]
        for number, file_line in enumerate(file_lines, start=1):
            if file_line == first:
                return number
        return None


def fence_language(info: str | None) -> str:
    """`python title="x.py"` -> python; `{.py .annotate}` -> py; `` -> ``."""
    info = (info or "").strip()
    if info.startswith("{"):
        match = re.search(r"\.([\w+-]+)", info)
        return match.group(1).lower() if match else ""
    return re.split(r"[\s{]", info, maxsplit=1)[0].lower() if info else ""
