"""MkDocs hook: the site's addresses come from the repository it is deployed from.

mkdocs.yml reads `repo_url` and `site_url` from $REPO_URL and $SITE_URL, with placeholders for local
builds. The deploy workflows (pages.yml, release.yml) set both from what GitHub knows about the
repository they run in, and set DEPLOY=true: a deploy build that still has a placeholder stops here
with a clear message, instead of publishing Colab buttons, notebook downloads and an offline-zip link
that point nowhere. Pages that name the placeholder repository (the home page's offline link) get the
real one.
"""

import os

from mkdocs.exceptions import PluginError

PLACEHOLDER_REPO = "https://github.com/example/framework-compare"
PLACEHOLDER_SITE = "https://framework-compare.github.io/"


def deploying() -> bool:
    return os.environ.get("DEPLOY", "").lower() in ("1", "true", "yes")


def on_config(config):
    if not deploying():
        return config
    problems = []
    if (config.get("repo_url") or "").rstrip("/") == PLACEHOLDER_REPO:
        problems.append(f"repo_url is the placeholder {PLACEHOLDER_REPO}: set REPO_URL")
    if (config.get("site_url") or "") in ("", PLACEHOLDER_SITE):
        problems.append(f"site_url is the placeholder {PLACEHOLDER_SITE}: set SITE_URL")
    if problems:
        raise PluginError(
            "a deploy build (DEPLOY=true) needs the real addresses: "
            + "; ".join(problems)
            + " (the deploy workflows set both from the repository they run in)"
        )
    return config


def on_page_markdown(markdown, page, config, files):
    repo = (config.get("repo_url") or "").rstrip("/")
    if repo and repo != PLACEHOLDER_REPO:
        return markdown.replace(PLACEHOLDER_REPO, repo)
    return markdown
