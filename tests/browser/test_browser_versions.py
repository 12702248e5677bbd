"""Versions, as the Pages workflow publishes them: `mike deploy` into a gh-pages branch, served, and
Material's version selector switching versions while staying on the same page."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from .site_server import ROOT, serve

pytestmark = pytest.mark.xdist_group("site")  # share the worker that builds the site

sys.path.insert(0, str(ROOT / "tools"))
from site_version import version_name, version_title  # noqa: E402  (the workflow's own naming)

OLDER = "torch2.12-tf2.20-keras3.14"  # a stand-in for the previous release line, in this test only
PAGE = "guide/models/"


def git(*args, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture(scope="module")
def gh_pages(tmp_path_factory, built_site) -> Path:
    """The working tree in a fresh repository, deployed twice with mike as the workflow does; the
    gh-pages branch checked out into a folder. After the strict build: notebooks come from its cache."""
    clone = tmp_path_factory.mktemp("repo")
    files = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, files.split("\0")):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    if (ROOT / ".cache").is_dir():
        shutil.copytree(ROOT / ".cache", clone / ".cache")
    identity = ["-c", "user.name=test", "-c", "user.email=test@localhost"]
    git("init", "-q", "-b", "main", cwd=clone)
    git("add", "-A", cwd=clone)
    git(*identity, "commit", "-qm", "site", cwd=clone)

    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    # mike runs `mkdocs` from PATH: the one next to this Python, as in the workflow's venv.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    env = {
        **os.environ,
        "PATH": path,
        "VERSION_PROVIDER": "mike",
        "NO_MKDOCS_2_WARNING": "1",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@localhost",
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@localhost",
    }
    mike = [str(Path(sys.executable).with_name("mike"))]  # the console script: no `python -m mike`
    for command in (
        [*mike, "deploy", OLDER, "--title", "An older release line"],
        [
            *mike,
            "deploy",
            "--update-aliases",
            version_name(requirements),
            "latest",
            "--title",
            version_title(requirements),
        ],
        [*mike, "set-default", "latest"],
    ):
        subprocess.run(command, cwd=clone, env=env, check=True, capture_output=True)

    served = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(
        ["git", "archive", "gh-pages"], cwd=clone, check=True, capture_output=True
    )
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(served, filter="data")
    return served


def test_the_version_selector_switches_versions_on_the_same_page(gh_pages, new_context, browser):
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    current = version_name(requirements)
    assert {OLDER, current, "latest", "versions.json"} <= {p.name for p in gh_pages.iterdir()}
    with serve(gh_pages, prefix="/") as server:
        context = browser.new_context(service_workers="block")
        context.set_default_timeout(10_000)
        try:
            page = context.new_page()
            page.goto(f"{server.url}{OLDER}/{PAGE}", wait_until="load")
            page.locator(".md-version").hover()  # the selector (from versions.json) opens on hover
            page.locator(".md-version__link", has_text=version_title(requirements)).click()
            page.wait_for_url(f"{server.url}{current}/{PAGE}")
            assert page.locator("article h1").count() == 1
            assert page.locator(".md-version__current").inner_text().strip() == version_title(
                requirements
            )
            # The site's root leads to the default version, `latest`.
            page.goto(server.url, wait_until="load")
            page.wait_for_url(f"{server.url}latest/")
        finally:
            context.close()
