"""`make screenshots`: pictures of the site for the README, taken by the browser tooling, never by hand.

Builds the site (`mkdocs build --strict`) into a temporary folder, serves it on 127.0.0.1 and opens it in
the system chromium with Playwright (the browser tests' setup), then writes:

- docs/assets/screenshots/side-by-side.png: the side-by-side page, desktop width, light scheme.

    .venv/bin/python tools/screenshots.py [--site DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.site_server import build_site, launch_chromium, serve  # noqa: E402

OUT = ROOT / "docs" / "assets" / "screenshots"
SHOTS = [
    # (file, page, viewport): the first screen a reader sees, as a desktop browser shows it.
    ("side-by-side.png", "side-by-side/", {"width": 1280, "height": 860}),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="screenshots-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        with serve(site) as server, sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for name, path, viewport in SHOTS:
                context = browser.new_context(
                    viewport=viewport, color_scheme="light", device_scale_factor=1
                )
                page = context.new_page()
                page.goto(server.url + path, wait_until="networkidle")
                page.locator("nav.md-code__nav").first.wait_for(
                    state="attached"
                )  # Material's script ran
                page.evaluate("document.fonts.ready")
                page.screenshot(path=OUT / name, animations="disabled", caret="hide")
                context.close()
                print(f"wrote {(OUT / name).relative_to(ROOT)}")
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
