"""Framework tabs that follow the reader's choice, and the built-in search, offline."""

from __future__ import annotations

import json

import pytest

from .site_server import site_prefix

PlaywrightTimeout = pytest.importorskip("playwright.sync_api").TimeoutError

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

# Shown tab of every tab group on the page, as the reader sees it: [labels, shown label, shown block index].
SHOWN_TABS = """() => [...document.querySelectorAll("article .tabbed-set")].map(set => {
  const inputs = [...set.querySelectorAll(":scope > input")];
  const labels = [...set.querySelectorAll(":scope > .tabbed-labels > label")].map(l => l.innerText.trim());
  const checked = inputs.findIndex(i => i.checked);
  const blocks = [...set.querySelectorAll(":scope > .tabbed-content > .tabbed-block")];
  const visible = blocks.findIndex(b => b.offsetParent !== null);
  return {labels, shown: labels[checked], visible: visible === checked};
})"""


def tab_groups(built_pages, base_url):
    """{url: [[label, ...] per tab group]} from the built HTML."""
    groups = {}
    for rel, soup, _ in built_pages:
        found = [
            [label.get_text(strip=True) for label in tabs.select(":scope > .tabbed-labels > label")]
            for tabs in soup.select("article .tabbed-set")
        ]
        if found:
            groups[base_url + rel] = found
    return groups


def pick_tab_journey(groups):
    """(label, first page, next page) for the test: a label that is not shown by default on the first
    page (so a click changes something), found on the next page too, where it is not the default in some
    group (so that showing it there proves the choice followed). Pages with most groups first."""
    pages = sorted(groups, key=lambda u: -len(groups[u]))
    for first in pages:
        for label in sorted({lab for group in groups[first] for lab in group[1:]}):
            for second in pages:
                if second != first and any(label in g[1:] for g in groups[second]):
                    return label, first, second
    return None


def test_linked_tabs_switch_together_and_the_choice_follows_to_the_next_page(
    built_pages, site, page
):
    journey = pick_tab_journey(tab_groups(built_pages, site.url))
    assert journey, "no framework label appears in tab groups on two pages: nothing to link"
    label, first, second = journey

    page.goto(first)
    page.locator("article .tabbed-labels > label", has_text=label).first.click()
    for group in page.evaluate(SHOWN_TABS):
        assert group["visible"], f"{first}: the content shown is not the selected tab's: {group}"
        if label in group["labels"]:
            assert group["shown"] == label, f"{first}: a group did not switch to {label!r}: {group}"

    page.goto(second)
    groups = page.evaluate(SHOWN_TABS)
    assert any(label in g["labels"] for g in groups)
    for group in groups:
        if label in group["labels"]:
            assert group["shown"] == label and group["visible"], (
                f"{second}: {label!r} not shown: {group}"
            )
    assert not page.context.watch.problems()


# API names readers look for: each one that is in the search index must lead to a page that has it.
SEARCH_TERMS = [
    "fit",
    "Sequential",
    "GradientTape",
    "DataLoader",
    "state_dict",
    "torch.compile",
    "autocast",
]
MUST_BE_ON_THE_SITE = ["fit", "GradientTape", "DataLoader", "state_dict"]


def pages_mentioning(built_site) -> dict[str, set[str]]:
    """{term: paths of the pages (as the browser sees them) whose search-index text contains it}."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found: dict[str, set[str]] = {}
    for doc in index["docs"]:
        for term in SEARCH_TERMS:
            if term in doc["title"] or term in doc["text"]:
                found.setdefault(term, set()).add(site_prefix() + doc["location"].split("#")[0])
    return found


# True when a search result (shown, or folded under "N more on this page") leads to one of the pages.
RESULT_LEADS_TO = """pages => [...document.querySelectorAll(".md-search-result a.md-search-result__link")]
  .some(a => pages.includes(new URL(a.href).pathname))"""


def test_search_works_offline_and_finds_api_names(built_site, site, page):
    pages = pages_mentioning(built_site)
    missing = [t for t in MUST_BE_ON_THE_SITE if t not in pages]
    assert not missing, f"the search index lacks {missing}"

    page.goto(site.url)
    query = page.locator("input.md-search__input")
    results = page.locator(".md-search-result__item")
    not_found = []
    for term in pages:
        query.click()
        page.keyboard.press("ControlOrMeta+a")
        page.keyboard.press("Backspace")
        results.first.wait_for(state="detached")  # the previous term's results are gone
        # Material searches as keys are typed (a programmatic fill does nothing).
        page.keyboard.type(term)
        try:
            page.wait_for_function(RESULT_LEADS_TO, arg=sorted(pages[term]), timeout=5_000)
        except PlaywrightTimeout:
            not_found.append(f"{term} (on {sorted(pages[term])})")
    assert not not_found, f"search does not lead to the pages that have {not_found}"
    # Results lead to the page: follow the first one.
    results.first.locator("a").first.click()
    page.wait_for_load_state("load")
    assert page.locator("article h1").count() == 1
    assert not page.context.watch.problems()
