"""Fixtures for the browser tests: the built site served on 127.0.0.1, one Chromium for the session.

Every page a test opens is watched: a request that leaves 127.0.0.1 fails the test, whatever it tests.
`Watch.problems()` lists console errors, uncaught exceptions, failed requests and HTTP errors.
"""

from __future__ import annotations

import urllib.parse

import pytest

from .site_server import INSTALL_HINT, chromium_path, launch_chromium, serve

sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright

# `built_site` (the site built with `mkdocs build --strict`, once per session) comes from the gate.


@pytest.fixture(scope="session")
def site(built_site):
    """The built site served as the host serves it; `site.url` is its home page."""
    with serve(built_site) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if chromium_path() is None:
        pytest.skip(f"browser tests need Chromium: {INSTALL_HINT}")
    with sync_playwright() as playwright:
        # Any host but 127.0.0.1 fails at once (no waiting on DNS); the tests still see the request.
        browser = launch_chromium(
            playwright, ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
        )
        yield browser
        browser.close()


class Watch:
    """Records what a browser context did that a reader would notice, or would not want."""

    def __init__(self, context, origin: str):
        self.origin = origin
        self.third_party: list[str] = []
        self.errors: list[str] = []
        context.on("request", self._request)
        context.on("requestfailed", self._failed)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", lambda e: self.errors.append(f"uncaught: {e.error}"))

    def _request(self, request):
        url = urllib.parse.urlsplit(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if f"{url.scheme}://{url.netloc}" != self.origin:
            self.third_party.append(request.url)

    def _failed(self, request):
        if (
            request.failure == "net::ERR_ABORTED"
        ):  # cut short by the next navigation (the favicon, often)
            return
        self.errors.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response):
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status}: {response.url}")

    def _console(self, message):
        if message.type == "error":
            self.errors.append(f"console error: {message.text} at {message.location.get('url')}")

    def problems(self) -> list[str]:
        found, self.errors = self.errors, []
        return found


@pytest.fixture
def new_context(browser, site):
    """Factory of fresh browser contexts (own storage); each is watched and closed after the test."""
    made = []

    def make(**options):
        context = browser.new_context(base_url=site.url, service_workers="block", **options)
        context.set_default_timeout(10_000)
        context.watch = Watch(context, site.origin)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
    leaks = [url for context in made for url in context.watch.third_party]
    assert not leaks, f"requests left the site's origin ({site.origin}): {leaks}"


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()
