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


def load_deploy_hook():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "deploy_address", ROOT / "hooks" / "deploy_address.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_deploy_build_refuses_the_placeholder_addresses_and_a_local_build_keeps_them(monkeypatch):
    import pytest
    from mkdocs.exceptions import PluginError

    hook = load_deploy_hook()
    config = {"repo_url": hook.PLACEHOLDER_REPO, "site_url": hook.PLACEHOLDER_SITE}
    monkeypatch.delenv("DEPLOY", raising=False)
    assert (
        hook.on_config(dict(config)) == config
    )  # `make serve`, `make test`: placeholders are fine
    monkeypatch.setenv("DEPLOY", "true")
    with pytest.raises(
        PluginError, match="repo_url is the placeholder.*site_url is the placeholder"
    ):
        hook.on_config(dict(config))
    real = {"repo_url": "https://github.com/octo/site", "site_url": "https://octo.github.io/site/"}
    assert hook.on_config(dict(real)) == real
    page = f"[offline]({hook.PLACEHOLDER_REPO}/releases/latest/download/site-offline.zip)"
    shown = hook.on_page_markdown(page, None, real, None)
    assert (
        shown == "[offline](https://github.com/octo/site/releases/latest/download/site-offline.zip)"
    )


def test_the_deploy_workflows_take_the_addresses_from_the_repository():
    for name in ("pages.yml", "release.yml"):
        env = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text())["env"]
        assert env["DEPLOY"] == "true"
        assert env["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
        assert env["SITE_URL"].startswith("https://${{ github.repository_owner }}.github.io/")
