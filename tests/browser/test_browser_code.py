"""Code blocks as readers use them: a copy button on each, copying exactly the file the tests ran."""

from __future__ import annotations

import re

import pytest

from .site_server import ROOT, source_page

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

# A whole-file include (not "file.py:section" or "file.py:10:20").
INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+)["']""")
PYTHON = {"language-python", "language-py", "language-python3"}


def pages_with_code(built_pages, base_url=""):
    """(url, path in the site, parsed built HTML) of every page that has a code block."""
    for rel, soup, _ in built_pages:
        if soup.select("article pre > code"):
            yield base_url + rel, rel, soup


def snippet_texts() -> dict[str, str]:
    """Snippet files by what the copy button gives for them: Material trims the text's end, so the
    file's final newline is not copied; everything else, to the last space, must be the same."""
    return {
        path.read_text(encoding="utf-8").removesuffix("\n"): str(path.relative_to(ROOT))
        for path in (ROOT / "snippets").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_every_code_block_has_a_copy_button_that_copies_the_snippet_file(built_pages, site_tour):
    snippets = snippet_texts()
    in_html = {
        rel: len(soup.select("article pre > code")) for _, rel, soup in pages_with_code(built_pages)
    }
    checked, problems = 0, []
    for visit in site_tour.visits:
        rel = visit.rel
        if len(visit.code_blocks) != in_html.get(rel, 0):
            problems.append(
                f"{visit.url}: {len(visit.code_blocks)} code blocks, the HTML has {in_html.get(rel, 0)}"
            )
        copied_files = set()
        for n, block in enumerate(visit.code_blocks, 1):
            where, copied = f"{visit.url} code block {n}", block["copied"]
            checked += 1
            if not block["button"]:
                problems.append(f"{where}: no copy button")
            elif copied is None:
                problems.append(f"{where}: its copy button copies nothing")
            elif block["language"] in PYTHON:
                if copied in snippets:
                    copied_files.add(snippets[copied])
                else:
                    problems.append(
                        f"{where}: copies text that is no snippet file: {copied[:80]!r}"
                    )
            elif copied != block["shown"]:
                problems.append(f"{where}: copies {copied[:80]!r}, shows {block['shown'][:80]!r}")
        source = source_page(rel)
        if source is not None:
            included = {
                p for p in INCLUDE.findall(source.read_text(encoding="utf-8")) if p.endswith(".py")
            }
            if missing := included - copied_files:
                problems.append(f"{visit.url}: no copy button copies {sorted(missing)} exactly")
    assert checked, "no code block found on the site"
    assert not problems, "\n".join(problems)


def test_copy_button_puts_the_code_on_the_clipboard(built_pages, site, new_context):
    """As a reader does it: hover a block, click its button; the system clipboard holds the code."""
    url = next(url for url, _, _ in pages_with_code(built_pages, site.url))
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(url, wait_until="load")
    page.evaluate("navigator.clipboard.writeText('')")
    block = page.locator("article div.highlight").first
    block.hover()
    block.locator("button.md-code__button[data-md-type=copy]").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied and copied == block.locator("pre > code").inner_text().rstrip()
    assert not context.watch.problems()


def test_code_blocks_carry_their_language(built_pages):
    """pymdownx.highlight's pygments_lang_class: styles and readers' tools can tell Python from output."""
    untagged = []
    for url, _, soup in pages_with_code(built_pages):
        for block in soup.select("article div.highlight"):
            if not any(c.startswith("language-") for c in block.get("class", [])):
                untagged.append(f"{url}: {block.get_text()[:60]!r}")
    assert not untagged, untagged
