"""The built HTML (no browser needed): link previews, canonical URLs, the sitemap, nothing from third parties."""

from __future__ import annotations

import re
import urllib.parse

import pytest
import yaml
from bs4 import BeautifulSoup

from .site_server import page_urls, site_config, source_page

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

# Never anywhere in a page, not even in a script that would load it later.
TRACKERS = re.compile(
    r"fonts\.googleapis|fonts\.gstatic|googletagmanager|google-analytics|gtag\(|plausible\.io|api\.github\.com"
)
# Attributes that make the browser fetch something (links, <a href>, only lead the reader elsewhere).
FETCHING = [
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("source", "src"),
    ("video", "src"),
]
FETCHING_LINKS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "modulepreload",
}


def site_url() -> str:
    return site_config()["site_url"].rstrip("/") + "/"


def front_matter_description(rel: str) -> str | None:
    source = source_page(rel)
    if source is None:
        return None
    match = re.match(r"---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.S)
    return (yaml.safe_load(match.group(1)) or {}).get("description") if match else None


def meta(soup, key: str) -> str | None:
    tag = soup.find("meta", attrs={"name": key}) or soup.find("meta", attrs={"property": key})
    return tag.get("content") if tag else None


def test_every_page_has_a_description_canonical_url_and_link_preview(built_pages):
    base, problems = site_url(), []
    for rel, soup, _ in built_pages:
        description = meta(soup, "description")
        canonical = soup.find("link", rel="canonical")
        expected = {
            "og:title": soup.title.get_text().strip() if soup.title else None,
            "og:description": description,
            "og:url": canonical and canonical.get("href"),
            "twitter:title": soup.title.get_text().strip() if soup.title else None,
            "twitter:description": description,
        }
        if not description or len(description) < 50:
            problems.append(f"{rel or '/'}: meta description missing or too short: {description!r}")
        wanted = front_matter_description(rel)
        if wanted and description != wanted:
            problems.append(f"{rel}: meta description is not the page's front-matter description")
        if not canonical or canonical.get("href") != base + rel:
            problems.append(
                f"{rel or '/'}: canonical {canonical and canonical.get('href')!r}, not {base + rel!r}"
            )
        for key, value in expected.items():
            if not value or meta(soup, key) != value:
                problems.append(f"{rel or '/'}: {key} is {meta(soup, key)!r}, expected {value!r}")
        for key in ("og:type", "og:site_name", "twitter:card"):
            if not meta(soup, key):
                problems.append(f"{rel or '/'}: no {key}")
    assert not problems, "\n".join(problems)


def test_sitemap_lists_every_page(built_site):
    listed = set(page_urls(built_site, ""))
    built = {
        "" if page.parent == built_site else f"{page.parent.relative_to(built_site).as_posix()}/"
        for page in built_site.rglob("index.html")
    }
    assert not built - listed, f"pages missing from sitemap.xml: {sorted(built - listed)}"
    assert (built_site / "sitemap.xml.gz").is_file()


def test_no_page_loads_anything_from_another_site(built_site, built_pages):
    """Static twin of the browser check: no web fonts, CDN scripts or analytics in any page's HTML."""
    problems = []
    pages = list(built_pages)
    not_found = (built_site / "404.html").read_text(encoding="utf-8")
    pages.append(("404.html", BeautifulSoup(not_found, "html.parser"), not_found))
    for rel, soup, html in pages:
        if found := TRACKERS.findall(html):
            problems.append(f"{rel or '/'}: mentions {sorted(set(found))}")
        urls = [
            tag.get(attr) for name, attr in FETCHING for tag in soup.find_all(name) if tag.get(attr)
        ]
        urls += [
            tag.get("href")
            for tag in soup.find_all("link", href=True)
            if FETCHING_LINKS & set(tag.get("rel") or [])
        ]
        for url in urls:
            if urllib.parse.urlsplit(url).netloc:
                problems.append(f"{rel or '/'}: fetches {url}")
    assert not problems, "\n".join(problems)


def test_no_page_shows_the_tests_markers_in_its_source(built_pages):
    """The comments that steer the tests (expected output, cpu_only, equivalent tabs) are about how the
    site is tested: hooks/test_markers.py keeps them out of the HTML a reader can view."""
    marker = re.compile(r"<!--\s*(?:pytest[-.]|gate:)")
    shown = [rel or "/" for rel, _, html in built_pages if marker.search(html)]
    assert not shown, f"test markers in the HTML of: {shown}"
