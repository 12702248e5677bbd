"""Code blocks as readers use them: each has a copy button, and what it copies is exactly the file the tests ran."""

from __future__ import annotations

import re
import urllib.parse

import pytest
from bs4 import BeautifulSoup

from .site_server import ROOT, page_urls, site_prefix, source_page

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

INCLUDE = re.compile(
    r"""--8<--\s+["']([^"':]+)["']"""
)  # a whole-file include (not "file.py:section")
PYTHON = {"language-python", "language-py", "language-python3"}


def pages_with_code(built_site, base_url):
    """(url, built HTML) of every page that has a code block."""
    prefix = site_prefix()
    for url in page_urls(built_site, base_url):
        rel = urllib.parse.urlsplit(url).path[len(prefix) :]
        html = (built_site / rel / "index.html") if not rel.endswith(".html") else built_site / rel
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        if soup.select("article pre > code"):
            yield url, rel, soup


def snippet_texts() -> dict[str, str]:
    """Snippet files by what the copy button gives for them: Material trims the text's end, so the
    file's final newline is not copied; everything else, to the last space, must be the same."""
    return {
        path.read_text(encoding="utf-8").removesuffix("\n"): str(path.relative_to(ROOT))
        for path in (ROOT / "snippets").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


# In the page, for each block: show its tab, press its copy button, read the clipboard back.
COPY_EVERY_BLOCK = """async () => {
  const results = [];
  for (const code of document.querySelectorAll("article pre > code")) {
    const block = code.closest("div.highlight") || code.parentElement;
    const tab = code.closest(".tabbed-block");
    if (tab) {  // select its tab (the radio button, which is cheaper than a click on its label)
      const index = [...tab.parentNode.children].indexOf(tab);
      tab.closest(".tabbed-set").querySelectorAll(":scope > input")[index].checked = true;
    }
    const language = [...block.classList].find(c => c.startsWith("language-")) || "";
    const button = block.querySelector("nav.md-code__nav button.md-code__button[data-md-type=copy]");
    let copied = null;
    if (button) {
      await navigator.clipboard.writeText("");
      button.click();
      copied = await navigator.clipboard.readText();
    }
    results.push({language, copied, shown: code.innerText.trimEnd()});
  }
  return results;
}"""


def test_every_code_block_has_a_copy_button_that_copies_the_snippet_file(
    built_site, site, new_context
):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    snippets = snippet_texts()
    checked, problems = 0, []
    for url, rel, soup in pages_with_code(built_site, site.url):
        page.goto(url, wait_until="load")
        page.locator("nav.md-code__nav").first.wait_for(
            state="attached"
        )  # injected by Material's script
        if not checked:  # once, as a reader does it: hover the first block, click its button
            page.evaluate("navigator.clipboard.writeText('')")
            first = page.locator("article div.highlight").first
            first.hover()
            first.locator("button.md-code__button[data-md-type=copy]").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            shown = first.locator("pre > code").inner_text().rstrip()
            assert copied == shown, f"{url}: the first copy button copied {copied[:80]!r}"
        blocks = page.evaluate(COPY_EVERY_BLOCK)
        assert len(blocks) == len(soup.select("article pre > code")), url
        copied_files = set()
        for n, block in enumerate(blocks, 1):
            where, copied = f"{url} code block {n}", block["copied"]
            checked += 1
            if copied is None:
                problems.append(f"{where}: no copy button")
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
                problems.append(f"{url}: no copy button copies {sorted(missing)} exactly")
    assert checked, "no code block found on the site"
    assert not problems, "\n".join(problems)
    assert not context.watch.problems()


def test_code_blocks_carry_their_language(built_site, site):
    """pymdownx.highlight's pygments_lang_class: styles and readers' tools can tell Python from output."""
    untagged = []
    for url, _, soup in pages_with_code(built_site, site.url):
        for block in soup.select("article div.highlight"):
            if not any(c.startswith("language-") for c in block.get("class", [])):
                untagged.append(f"{url}: {block.get_text()[:60]!r}")
    assert not untagged, untagged
