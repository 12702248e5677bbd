"""The repository's address is written in a few places that readers follow: Colab and "Download
notebook" links (built from mkdocs.yml's repo_url by hooks/page_notebooks.py), the offline copy on
the home page (a release asset) and the issue template's link to CONTRIBUTING. They must name the
same repository: moving the project means changing repo_url and following this test's failures."""

import re
from pathlib import Path

import yaml

from tests.browser.site_server import site_config

ROOT = Path(__file__).resolve().parents[1]


def test_the_offline_copy_and_the_issue_template_link_to_repo_url():
    repo = site_config()["repo_url"].rstrip("/")
    assert re.fullmatch(r"https://github\.com/[^/]+/[^/]+", repo), repo
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert f"({repo}/releases/latest/download/site-offline.zip)" in index
    template = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / "config.yml").read_text())
    urls = [link["url"] for link in template["contact_links"]]
    assert f"{repo}/blob/main/CONTRIBUTING.md" in urls, urls
