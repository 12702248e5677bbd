"""Every page as a reader opens it: loads cleanly, stays on this site, and works on a phone and in the dark."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site


def open_page(page, url):
    return page.goto(url, wait_until="load")


def off_screen(locator) -> bool:
    box = locator.bounding_box()
    return (
        box is None
        or box["x"] + box["width"] <= 0
        or box["x"] >= locator.page.viewport_size["width"]
    )


def test_every_page_loads_without_errors(site_tour):
    """Every page of the sitemap: HTTP 200, no console error, no failed request, no uncaught exception,
    and not one request to another host."""
    assert len(site_tour.visits) >= 5, "the sitemap lists too few pages"
    problems = {}
    for visit in site_tour.visits:
        found = list(visit.problems)
        if visit.status != 200:
            found.insert(0, f"status {visit.status}")
        if visit.h1 != 1:
            found.append(f"{visit.h1} <h1> in the article")
        if found:
            problems[visit.url] = found
    assert not problems, "pages with problems:\n" + "\n".join(
        f"{u}: {p}" for u, p in problems.items()
    )
    assert not site_tour.third_party, f"requests left the site: {site_tour.third_party}"


def test_unknown_address_shows_the_404_page(site, page):
    missing = site.url + "no-such-page/"
    response = open_page(page, missing)
    assert response.status == 404
    assert "404" in page.locator("article h1").inner_text()
    # The 404 page's own assets (styles, scripts) load: only the page itself is "not found".
    problems = [
        p for p in page.context.watch.problems() if missing not in p and "status of 404" not in p
    ]
    assert not problems, problems
    assert page.locator(".md-header").evaluate("e => getComputedStyle(e).position") == "sticky"
    # From there, the header's title leads home.
    page.locator(".md-header__button.md-logo").click()
    page.wait_for_url(site.url)
    assert page.locator("article h1").count() == 1
    assert not page.context.watch.problems()


def test_light_dark_toggle_switches_and_persists(site, new_context):
    page = new_context(color_scheme="light").new_page()
    open_page(page, site.url)
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")

    page.locator("form[data-md-component=palette] label:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
    open_page(page, site.url + "side-by-side/")  # the choice follows the reader to the next page
    assert body.get_attribute("data-md-color-scheme") == "slate"

    page.locator("form[data-md-component=palette] label:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "default"
    assert not page.context.watch.problems()


def test_phone_navigation_through_the_drawer(site, new_context):
    page = new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    ).new_page()
    open_page(page, site.url)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "page wider than a phone"
    )
    drawer = page.locator("nav.md-nav--primary")
    link = drawer.get_by_role("link", name=re.compile("Side by side")).first
    assert off_screen(link), "the navigation should be folded away on a phone"

    page.locator("label.md-header__button[for=__drawer]").click()
    page.wait_for_function("l => l.getBoundingClientRect().left >= 0", arg=link.element_handle())
    link.click()
    page.wait_for_url(re.compile(r"/side-by-side/$"))
    assert "Side by side" in page.locator("article h1").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "page wider than a phone"
    )
    assert not page.context.watch.problems()
