"""MkDocs hook: the offline copy of the site (`make offline`) makes no request to another host.

Material's offline plugin (enabled by `OFFLINE=true`, see mkdocs.yml) makes the site work from
`file://`: plain .html links and the search index inlined into a script. For search it also adds the
iframe-worker shim (a Web Worker cannot start from `file://`), loaded from unpkg.com: a request to
another host, which fails with no network, and search with it. This hook serves the same shim, the
version package.json pins, from the site itself.
"""

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority

SHIM = Path(__file__).parents[1] / "node_modules" / "iframe-worker" / "shim" / "index.js"
SHIM_IN_SITE = "assets/javascripts/iframe-worker-shim.js"


def offline_build(config) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(-100)  # after the offline plugin has added the unpkg.com address
def on_config(config):
    if offline_build(config):
        config.extra["polyfills"] = [
            SHIM_IN_SITE if "iframe-worker" in script else script
            for script in config.extra.get("polyfills", [])
        ]
    return config


def on_post_build(config):
    if offline_build(config):
        if not SHIM.is_file():
            raise FileNotFoundError(f"{SHIM} is missing: run `npm ci` (package.json pins it)")
        target = Path(config.site_dir, SHIM_IN_SITE)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHIM, target)
