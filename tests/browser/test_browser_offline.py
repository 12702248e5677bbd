"""The offline copy (`make offline`): unzipped and opened from file://, with no server and no network,
its search finds pages and its framework tabs switch."""

from __future__ import annotations

import sys
import urllib.parse
import zipfile
from pathlib import Path

import pytest

from .site_server import ROOT

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

sys.path.insert(0, str(ROOT / "tools"))
from build_offline import FOLDER, build_offline  # noqa: E402  (the Makefile's own builder)


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory, built_site) -> Path:
    """The zip `make offline` makes, unzipped as a reader would; built after the strict build, so the
    executed notebooks come from its cache."""
    folder = tmp_path_factory.mktemp("offline")
    archive = build_offline(folder / "site-offline.zip")
    with zipfile.ZipFile(archive) as zipped:
        zipped.extractall(folder / "unzipped")
    return folder / "unzipped" / FOLDER


def test_the_offline_copy_searches_and_switches_tabs_from_file_urls(offline_copy, browser):
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(10_000)
    requests, errors = [], []
    context.on("request", lambda r: requests.append(r.url))
    context.on("weberror", lambda e: errors.append(str(e.error)))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    try:
        page.goto((offline_copy / "index.html").as_uri(), wait_until="load")
        assert page.locator("article h1").count() == 1

        # Search, as a reader types it; the first result opens its page, still from file://.
        page.locator("input.md-search__input").click()
        page.keyboard.type("GradientTape")
        result = page.locator(".md-search-result__item a").first
        result.wait_for()
        result.click()
        page.wait_for_load_state("load")
        opened = urllib.parse.urlsplit(page.url)
        assert opened.scheme == "file" and opened.path.endswith(".html"), page.url
        assert page.locator("article h1").count() == 1

        # Tabs: on the side-by-side page, choose the second framework; its code is what is shown.
        page.goto((offline_copy / "side-by-side.html").as_uri(), wait_until="load")
        tabs = page.locator("article .tabbed-set").first
        second = tabs.locator(":scope > .tabbed-labels > label").nth(1)
        second.click()
        shown = tabs.locator(":scope > .tabbed-content > .tabbed-block").nth(1)
        assert shown.is_visible() and shown.locator("pre > code").first.inner_text().strip()
    finally:
        context.close()
    assert not errors, errors
    outside = [url for url in requests if not url.startswith(("file://", "data:", "blob:"))]
    assert not outside, f"the offline copy asked the network for {outside}"
