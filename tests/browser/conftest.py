"""Fixtures for the browser tests: the built site served on 127.0.0.1, one Chromium for the session.

Every page a test opens is watched: a request that leaves 127.0.0.1 fails the test, whatever it tests.
`Watch.problems()` lists console errors, uncaught exceptions, failed requests and HTTP errors.
`site_tour` opens every page once for the tests that look at every page (one pass keeps them fast).
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup

from .site_server import INSTALL_HINT, chromium_path, launch_chromium, page_urls, serve

# `built_site` (the site built with `mkdocs build --strict`, once per session) comes from the gate.


@pytest.fixture(scope="session")
def built_pages(built_site) -> list[tuple[str, BeautifulSoup, str]]:
    """(path in the site, parsed HTML, HTML) of every page of the sitemap, parsed once."""
    pages = []
    for rel in page_urls(built_site, ""):
        html = (built_site / rel / "index.html").read_text(encoding="utf-8")
        pages.append((rel, BeautifulSoup(html, "html.parser"), html))
    return pages


@pytest.fixture(scope="session")
def site(built_site):
    """The built site served as the host serves it; `site.url` is its home page."""
    with serve(built_site) as server:
        yield server


@pytest.fixture(scope="session")
def browser():
    if chromium_path() is None:
        pytest.skip(f"browser tests need Chromium: {INSTALL_HINT}")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
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
        if request.failure == "net::ERR_ABORTED":  # cut short by the next navigation (the favicon)
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


# In the page, for each code block: show its tab, press its copy button and record the text that the
# copy put on the clipboard (read from the copy event: Material copies with execCommand("copy") from a
# temporary textarea). One real click, read back from the system clipboard, checks this shortcut.
# Material mounts a code block's copy button when the block first scrolls into view (content.lazy):
# each block is brought into view, as a reader scrolling the page would, and its button awaited.
COPY_EVERY_BLOCK = """async () => {
  // One rendered frame: IntersectionObserver callbacks (which mount the button) run before it ends.
  const frame = () => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const mounted = async (code, block) => {
    const find = () => block.querySelector("nav.md-code__nav button.md-code__button[data-md-type=copy]");
    code.scrollIntoView({block: "start"});
    for (let tries = 0; !find() && tries < 120; tries++) await frame();  // 2 s at 60 frames/s
    return find();
  };
  let copied = null;
  const grab = e => {
    copied = e.target && e.target.tagName === "TEXTAREA" ? e.target.value : String(getSelection());
  };
  document.addEventListener("copy", grab, true);
  const results = [];
  for (const code of document.querySelectorAll("article pre > code")) {
    const block = code.closest("div.highlight") || code.parentElement;
    const tab = code.closest(".tabbed-block");
    if (tab) {  // show the block: select its tab (its radio button, cheaper than a click on the label)
      const index = [...tab.parentNode.children].indexOf(tab);
      tab.closest(".tabbed-set").querySelectorAll(":scope > input")[index].checked = true;
    }
    for (let closed = code.closest("details:not([open])"); closed; closed = closed.parentElement.closest("details:not([open])")) {
      closed.open = true;  // a collapsed proof ("??? example"): open it, as a reader would
    }
    const language = [...block.classList].find(c => c.startsWith("language-")) || "";
    const button = await mounted(code, block);
    copied = null;
    if (button) button.click();
    results.push({language, copied: button ? copied : null, button: !!button, shown: code.innerText.trimEnd()});
  }
  document.removeEventListener("copy", grab, true);
  return results;
}"""


@dataclass
class PageVisit:
    url: str
    rel: str  # the page's path in the site: "", "guide/autodiff/"
    status: int | None
    h1: int
    problems: list[str]
    code_blocks: list[dict] = field(default_factory=list)


@dataclass
class Tour:
    visits: list[PageVisit]
    third_party: list[str]


@pytest.fixture(scope="session")
def site_tour(built_site, site, browser) -> Tour:
    """Every page of the sitemap, opened once: what went wrong while it loaded, and its code blocks."""
    context = browser.new_context(service_workers="block")
    context.set_default_timeout(10_000)
    watch = Watch(context, site.origin)
    page = context.new_page()
    urls = page_urls(built_site, site.url)
    visits = []
    for n, url in enumerate(urls):
        response = page.goto(url, wait_until="load")
        if n == len(urls) - 1:  # and what Material's scripts fetch after load (search index...)
            page.wait_for_load_state("networkidle")
        problems = watch.problems()
        blocks = []
        if page.locator("article pre > code").count():
            blocks = page.evaluate(COPY_EVERY_BLOCK)
            problems += watch.problems()
        h1 = page.locator("article h1").count()
        visits.append(
            PageVisit(url, url[len(site.url) :], response and response.status, h1, problems, blocks)
        )
    context.close()
    return Tour(visits, watch.third_party)
