"""Gotchas carry their proof: in a section whose heading says "Gotchas" or "Pitfalls", every top-level
list item holds a collapsible example (pymdownx.details) that runs a snippet and shows its checked output.

The shape (CONTRIBUTING.md, "Gotchas carry their proof"):

    ## Gotchas

    - **Gradients add up.** Without `optimizer.zero_grad()`, each `backward()` adds to `.grad`.

        ??? example "Show it: two backward calls, twice the gradient"

            ```python
            --8<-- "snippets/training_loop/gotcha_zero_grad.py"
            ```

            <!--pytest-codeblocks:expected-output-->

            ```text
            grad after one backward: 2.0
            ```

The example itself is run by the gate like any other (pages.py collects it, nested as it is); this
module only checks that each item has one, and says which item lacks what, with the page line.
"""

import re

from .pages import PYTHON_LANGUAGES, Page

# In a section (## or deeper) whose heading names gotchas or pitfalls, with its subsections.
SECTION = re.compile(r"\b(gotchas|pitfalls)\b", re.I)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(.*)$")
DETAILS = re.compile(r"^(\s+)\?\?\?\+?\s+example\b")
SHAPE = (
    'put a `??? example "..."` block in the item (indented 4 spaces), holding a ```python block that '
    "includes a snippet (--8<--) and, after <!--pytest-codeblocks:expected-output-->, its ```text output"
)


def unproven_gotchas(page: Page, text: str) -> list[tuple[int, str]]:
    """(page line, message) for each Gotchas/Pitfalls item without its proof."""
    lines = text.split("\n")
    problems = []
    for heading_line, title, start, end in sections(lines):
        items = list_items(lines, start, end)
        if not items:
            problems.append(
                (
                    heading_line,
                    f"a {title!r} section has no list items: each gotcha is a list item with its "
                    f"proof; {SHAPE}",
                )
            )
        for first, last in items:
            missing = missing_proof(page, lines, first, last)
            if missing:
                summary = LIST_ITEM.match(lines[first - 1]).group(1).strip()
                if len(summary) > 70:
                    summary = summary[:67] + "..."
                problems.append(
                    (first, f"Gotchas item without its proof ({missing}): {summary!r}; {SHAPE}")
                )
    return problems


def sections(lines: list[str]):
    """(heading line, title, first line, last line) of each Gotchas/Pitfalls section, 1-based."""
    headings = []  # (line, level, title), outside fenced code
    fence = None
    for number, line in enumerate(lines, start=1):
        opening = FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if opening:
            fence = opening.group(1)
            continue
        match = HEADING.match(line)
        if match:
            headings.append((number, len(match.group(1)), match.group(2)))
    for index, (number, level, title) in enumerate(headings):
        if level < 2 or not SECTION.search(title):  # a section, not the page's title
            continue
        end = next((n - 1 for n, lvl, _ in headings[index + 1 :] if lvl <= level), len(lines))
        yield number, title, number + 1, end


def list_items(lines: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """(first line, last line) of each top-level list item between start and end (1-based, inclusive):
    every list of the section, its subsections' included."""
    items: list[list[int]] = []
    fence, open_item = None, False
    for number in range(start, end + 1):
        line = lines[number - 1]
        opening = FENCE.match(line)
        if fence:  # a code block at the top level, outside any item
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            continue
        if LIST_ITEM.match(line):
            items.append([number, number])
            open_item = True
        elif open_item and (not line.strip() or line.startswith((" ", "\t"))):
            items[-1][1] = number  # the item goes on: blank or indented
        elif open_item and lines[number - 2].strip() and not HEADING.match(line):
            items[-1][1] = number  # a lazy continuation line of the item's paragraph
        else:
            open_item = False  # prose, a heading or a code block between lists
            if opening and not line.startswith((" ", "\t")):
                fence = opening.group(1)
    return [(first, last) for first, last in items]


def missing_proof(page: Page, lines: list[str], first: int, last: int) -> str | None:
    """What the item lacks, or None when its proof is there."""
    blocks = []  # (first line, last line) of each `??? example` block in the item
    for number in range(first + 1, last + 1):
        match = DETAILS.match(lines[number - 1])
        if match:
            indent = len(match.group(1))
            end = number
            for after in range(number + 1, last + 1):
                line = lines[after - 1]
                if line.strip() and len(line) - len(line.lstrip()) <= indent:
                    break
                end = after
            blocks.append((number, end))
    if not blocks:
        return "no `??? example` block"
    examples = [
        example
        for example in page.examples
        if example.language in PYTHON_LANGUAGES
        and any(a < example.page_line <= b for a, b in blocks)
    ]
    if not examples:
        return "its `??? example` block holds no ```python example"
    if not any(example.snippets for example in examples):
        return "its example includes no snippet file"
    if not any(
        example.snippets and example.block.expected_output is not None for example in examples
    ):
        return "its example shows no checked output"
    return None
