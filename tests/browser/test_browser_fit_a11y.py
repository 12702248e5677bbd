"""Every page at a desktop width: code fits its box, and axe-core finds no accessibility violation.

Lighthouse (`make lighthouse`) runs a subset of axe-core's rules on a phone-sized screen; here axe-core's
WCAG 2.x A/AA and best-practice rules run on every page in the light scheme, and its colour rules run on
every page in the dark scheme too: a scheme changes the palette's colours and nothing else of the page
(the same HTML, the same CSS rules on other variables), so only the colour rules can find something new.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .site_server import ROOT, page_urls

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

DESKTOP = {"width": 1280, "height": 800}
AXE = (
    ROOT / "node_modules" / "axe-core" / "axe.min.js"
)  # package.json pins it; `npm ci` installs it
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
# The rules of AXE_TAGS whose outcome depends on colours: the only ones a colour scheme can change.
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# For every code block: show it (select its tab), then compare the width of its text with its box's.
OVERFLOWING_BLOCKS = """() => {
  const found = [];
  document.querySelectorAll("article pre > code").forEach((code, n) => {
    const tab = code.closest(".tabbed-block");
    if (tab) {
      const index = [...tab.parentNode.children].indexOf(tab);
      tab.closest(".tabbed-set").querySelectorAll(":scope > input")[index].checked = true;
    }
    for (let closed = code.closest("details:not([open])"); closed; closed = closed.parentElement.closest("details:not([open])")) {
      closed.open = true;
    }
    if (code.scrollWidth > code.clientWidth + 1) {
      const widest = code.innerText.split("\\n").reduce((a, b) => (b.length > a.length ? b : a), "");
      found.push({block: n + 1, over: code.scrollWidth - code.clientWidth, line: widest});
    }
  });
  return found;
}"""


def test_no_code_block_scrolls_sideways_at_1280px(built_site, site, new_context):
    context = new_context(viewport=DESKTOP)
    page = context.new_page()
    problems = []
    for url in page_urls(built_site, site.url):
        page.goto(url, wait_until="load")
        for block in page.evaluate(OVERFLOWING_BLOCKS):
            problems.append(
                f"{url} code block {block['block']}: {block['over']} px too wide for its box; "
                f"its longest line ({len(block['line'])} characters): {block['line']!r}"
            )
    assert not problems, "code that scrolls sideways at 1280 px:\n" + "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_core_finds_no_violation(built_site, site, new_context, scheme):
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci`"
    context = new_context(viewport=DESKTOP, color_scheme=scheme)
    page = context.new_page()
    problems = []
    for url in page_urls(built_site, site.url):
        page.goto(url, wait_until="load")
        page.add_script_tag(path=str(AXE))
        only = {"type": "tag", "values": AXE_TAGS}
        if scheme == "dark":
            only = {"type": "rule", "values": AXE_COLOUR_RULES}
        violations = page.evaluate(
            "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
            " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))",
            only,
        )
        for v in violations:
            problems.append(
                f"{url} [{scheme}] {v['id']} ({v['impact']}): {v['help']} at {v['targets']}"
            )
    assert not problems, "axe-core violations:\n" + "\n".join(problems)


def test_the_colour_rules_are_axe_rules_of_those_tags(built_site, site, new_context):
    """A renamed or retired rule would make the dark-scheme run check nothing."""
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(page_urls(built_site, site.url)[0], wait_until="load")
    page.add_script_tag(path=str(AXE))
    tagged = page.evaluate("tags => axe.getRules(tags).map(r => r.ruleId)", AXE_TAGS)
    assert set(AXE_COLOUR_RULES) <= set(tagged), sorted(set(AXE_COLOUR_RULES) - set(tagged))


def test_axe_core_is_the_pinned_one():
    """The rules that ran are the ones package.json pins (no silent upgrade of what "zero" means)."""
    import json

    pinned = json.loads(Path(ROOT, "package.json").read_text())["devDependencies"]["axe-core"]
    installed = json.loads((AXE.parent / "package.json").read_text())["version"]
    assert installed == pinned
