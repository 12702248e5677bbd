"""Every page with examples offers its notebooks: Download gives a valid .ipynb holding the page's
snippet files, and Open in Colab points at the same file on the published branch."""

from __future__ import annotations

import json
import re
import sys
import urllib.parse

import nbformat
import pytest

from .site_server import ROOT, site_config

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

sys.path.insert(0, str(ROOT / "tools"))
from site_version import version_name  # noqa: E402

INCLUDE = re.compile(r"""--8<--\s+["']([^"':]+\.py)["']""")


def test_every_page_with_examples_offers_notebooks_whose_links_work(built_pages, site, page):
    version = version_name((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    repo = re.match(r"https://github\.com/([^/]+/[^/]+)", site_config()["repo_url"])[1]
    snippets = {
        p.read_text(encoding="utf-8").rstrip("\n") for p in (ROOT / "snippets").rglob("*.py")
    }
    problems, pages_checked = [], 0
    for rel, soup, _ in built_pages:
        has_examples = soup.select("article pre > code.language-python, article .language-python")
        row = soup.select_one("article .page-notebooks")
        if row is None:
            if has_examples and not soup.select_one(".jp-Notebook"):
                problems.append(f"/{rel}: examples, and no notebook links")
            continue
        pages_checked += 1
        downloads = row.select("a[download]")
        colabs = row.select('a[href^="https://colab.research.google.com/"]')
        if not downloads or len(downloads) != len(colabs):
            problems.append(f"/{rel}: {len(downloads)} Download and {len(colabs)} Colab links")
        for download, colab in zip(downloads, colabs, strict=False):
            url = urllib.parse.urljoin(site.url + rel, download["href"])
            response = page.request.get(url)
            if response.status != 200:
                problems.append(f"/{rel}: Download {download['href']} -> HTTP {response.status}")
                continue
            notebook = nbformat.reads(response.text(), as_version=4)
            nbformat.validate(notebook)
            code = [c.source for c in notebook.cells if c.cell_type == "code"]
            if not code[0].startswith("%pip install"):
                problems.append(f"/{rel}: {download['href']} does not start with the %pip cell")
            if unknown := [c[:60] for c in code[1:] if c not in snippets]:
                problems.append(
                    f"/{rel}: {download['href']} has cells that are no snippet: {unknown}"
                )
            in_site = urllib.parse.urlsplit(url).path.removeprefix(
                urllib.parse.urlsplit(site.url).path
            )
            expected = (
                f"https://colab.research.google.com/github/{repo}/blob/gh-pages/{version}/{in_site}"
            )
            if colab["href"] != expected:
                problems.append(f"/{rel}: Colab link {colab['href']}, expected {expected}")
    assert pages_checked >= 10, f"only {pages_checked} pages offer notebooks"
    assert not problems, "\n".join(problems)
    assert not page.context.watch.problems()


def test_the_download_button_downloads_the_notebook(built_pages, site, page):
    """As a reader does it: a click on Download saves the .ipynb (it does not open it)."""
    rel = next(rel for rel, soup, _ in built_pages if soup.select_one("article .page-notebooks"))
    page.goto(site.url + rel, wait_until="load")
    link = page.locator("article .page-notebooks a[download]").first
    with page.expect_download() as event:
        link.click()
    download = event.value
    assert download.suggested_filename == link.get_attribute("href")
    notebook = json.loads(download.path().read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4 and notebook["cells"]
    assert not page.context.watch.problems()
