"""The cheat sheet's promise, checked: every row links to a page of the site, and the examples that page
includes (only those of the linked section, when the link has an anchor) use every API the row names.

An API is a dotted name in the row's code (`torch.zeros`, `tf.random.normal`, `x.reshape`), a chained method
(`.batch(32)`) or a class that is called (`DataLoader(`). Names on a framework module (`torch.`, `tf.`,
`keras.`, `nn.`, ...) must appear whole in the examples; a method on a variable (`x.reshape`) as `.reshape`.
"""

import re
from pathlib import Path

from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CHEATSHEET = DOCS / "cheatsheet.md"

MODULES = {"torch", "tf", "keras", "nn", "np", "dist", "os", "optim", "F"}
INCLUDE = re.compile(r'--8<--\s+"([^"]+)"')
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$")
LINK = re.compile(r"\[[^\]]*\]\(([^)#]+\.md)(?:#([^)]+))?\)")
CODE = re.compile(r"`([^`]+)`")
STRING = re.compile(r"\"[^\"]*\"|'[^']*'")
# (a leading dot: a chained method)(a dotted name or a plain name)(a call)
API = re.compile(r"(\.)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)(\()?")


def table_rows(markdown: str) -> list[tuple[int, list[str]]]:
    rows = []
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.startswith("|") and not re.match(r"\|\s*:?-", line):
            # split on the pipes that are not inside a code span
            cells = [
                cell.strip() for cell in re.split(r"\|(?=(?:[^`]*`[^`]*`)*[^`]*$)", line)[1:-1]
            ]
            rows.append((number, cells))
    return rows[1:]  # the header row


def snippets_by_section(page: Path) -> dict[str | None, list[str]]:
    """{None: every include of the page, slug: the includes under that heading (and its subsections)}."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: dict[str | None, list[str]] = {None: []}
    open_sections: list[tuple[int, str]] = []
    for line in lines:
        if heading := HEADING.match(line):
            level = len(heading.group(1))
            open_sections = [(lvl, slug) for lvl, slug in open_sections if lvl < level]
            title = heading.group(2)
            if explicit := re.search(r"\{\s*#([\w-]+)\s*\}\s*$", title):  # `## Title { #id }`
                slug = explicit.group(1)
            else:
                slug = slugify(re.sub(r"[`*_]", "", title), "-")
            open_sections.append((level, slug))
            found.setdefault(open_sections[-1][1], [])
        for path in INCLUDE.findall(line):
            for key in [None] + [slug for _, slug in open_sections]:
                found[key].append(path)
    return found


def missing_apis(code: str, examples: str) -> list[str]:
    missing = []
    for chained, name, call in API.findall(STRING.sub('""', code)):
        head, _, rest = name.partition(".")
        if chained:
            needle = "." + name  # `.batch` in `dataset.shuffle(1000).batch(32)`
        elif rest:
            needle = name if head in MODULES else "." + rest  # `torch.zeros`; `x.reshape`
        elif call and name[0].isupper():
            needle = name  # a class: `DataLoader(`
        else:
            continue  # a variable, a keyword, a builtin
        if needle not in examples:
            missing.append(needle)
    return missing


def test_every_row_links_to_a_page_that_runs_its_apis():
    rows = table_rows(CHEATSHEET.read_text(encoding="utf-8"))
    assert len(rows) >= 35, f"the cheat sheet has {len(rows)} rows"
    problems = []
    for number, cells in rows:
        where = f"docs/cheatsheet.md:{number} ({cells[0]})"
        links = LINK.findall(cells[-1])
        if not links:
            problems.append(f"{where}: no link to the page where it runs")
            continue
        examples = ""
        for target, anchor in links:
            page = (CHEATSHEET.parent / target).resolve()
            if not page.is_file():
                problems.append(f"{where}: links to {target}, which does not exist")
                continue
            sections = snippets_by_section(page)
            if anchor and anchor not in sections:
                problems.append(f"{where}: {target} has no heading #{anchor}")
                continue
            for path in sections[anchor or None]:
                examples += (ROOT / path).read_text(encoding="utf-8") + "\n"
        for cell in cells[1:-1]:
            for code in CODE.findall(cell):
                for name in missing_apis(code, examples):
                    problems.append(
                        f"{where}: `{name}` (from `{code}`) is in no example it links to"
                    )
    assert not problems, "\n".join(problems)
