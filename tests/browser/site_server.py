"""Build, serve and browse the site the way readers get it; shared by the browser tests and the tools.

- `build_site(dest)` runs the same strict build as the tests and `make build`.
- `serve(root)` serves a built site on 127.0.0.1 (a free port) under the path of `site_url`, as the
  host does: gzip for text, the site's own 404.html for a missing page.
- `launch_chromium(playwright)` starts the system chromium (Debian's `chromium` package), headless.
"""

from __future__ import annotations

import gzip
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from functools import partial
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
INSTALL_HINT = (
    "install a browser: `apt-get install chromium` (Debian/Ubuntu), or set CHROMIUM=/path/to/chrome"
)
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


def chromium_path() -> str | None:
    """The browser to drive: $CHROMIUM, else /usr/bin/chromium, else chromium or google-chrome on PATH."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("google-chrome")


def launch_chromium(playwright, extra_args=()):
    path = chromium_path()
    if path is None:
        raise FileNotFoundError(f"no Chromium found; {INSTALL_HINT}")
    return playwright.chromium.launch(executable_path=path, args=[*CHROMIUM_ARGS, *extra_args])


def site_config(config: Path = ROOT / "mkdocs.yml") -> dict:
    """mkdocs.yml as plain data: `!ENV [NAME, default]` reads as its default (a local build's value),
    other tags (!!python) as None."""

    class Loader(yaml.SafeLoader):
        pass

    def env_default(loader, node):
        if isinstance(node, yaml.SequenceNode) and len(node.value) > 1:
            return loader.construct_object(node.value[-1])
        return None

    Loader.add_constructor("!ENV", env_default)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(config.read_text(encoding="utf-8"), Loader=Loader)


def site_prefix(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path the site lives under in production (from `site_url`), e.g. "/framework-compare/"."""
    site_url = site_config(config).get("site_url") or "/"
    path = urllib.parse.urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def build_site(dest: Path) -> Path:
    """`mkdocs build --strict` into dest; raises with mkdocs' output when the build fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # Not --quiet: it hides the warnings that --strict turns into a failure.
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"mkdocs build --strict failed:\n{done.stdout}{done.stderr}")
    return dest


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files under `prefix`; gzip when asked; the site's 404.html (status 404) otherwise."""

    prefix = "/"
    cache: dict[Path, bytes] = {}

    def log_message(self, format, *args):  # noqa: A002 - keep the test output quiet
        pass

    def send_head(self):
        url = urllib.parse.urlsplit(self.path)
        status, file = 404, None
        if url.path.startswith(self.prefix):
            file = Path(self.translate_path("/" + url.path[len(self.prefix) :]))
            if file.is_dir():
                if not url.path.endswith("/"):
                    self.send_response(301)
                    self.send_header("Location", url._replace(path=url.path + "/").geturl())
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return None
                file = file / "index.html"
            if file.is_file():
                status = 200
        if status == 404:
            file = Path(self.directory) / "404.html"
        body = file.read_bytes()
        compress = file.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if compress:
            if file not in self.cache:
                self.cache[file] = gzip.compress(body, 6)
            body = self.cache[file]
        self.send_response(status)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
        if compress:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return _Body(body)


class _Body:
    """What send_head returns: SimpleHTTPRequestHandler copies it to the socket, then closes it."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


class SiteServer:
    """A running server; `url` is the site's home page, e.g. http://127.0.0.1:41234/framework-compare/."""

    def __init__(self, root: Path, prefix: str | None = None):
        prefix = prefix or site_prefix()
        handler = type("Handler", (SiteHandler,), {"prefix": prefix, "cache": {}})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(handler, directory=str(root))
        )
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.origin = f"http://{host}:{port}"
        self.url = self.origin + prefix
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(root: Path, prefix: str | None = None) -> SiteServer:
    return SiteServer(root, prefix)


def page_urls(root: Path, base_url: str) -> list[str]:
    """Every page of the site, from its sitemap, as URLs on the local server."""
    import xml.etree.ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    tree = ET.parse(root / "sitemap.xml")
    prefix = site_prefix()
    urls = []
    for loc in tree.getroot().iterfind("s:url/s:loc", ns):
        path = urllib.parse.urlsplit(loc.text.strip()).path
        rel = path[len(prefix) :] if path.startswith(prefix) else path.lstrip("/")
        urls.append(base_url + rel)
    return urls


def source_page(rel: str) -> Path | None:
    """docs/<page>.md (or <page>/index.md) that a page's path in the site comes from, when it is Markdown."""
    stem = rel.strip("/") or "index"
    for candidate in (f"{stem}.md", f"{stem}/index.md", f"{stem}/README.md"):
        if (ROOT / "docs" / candidate).is_file():
            return ROOT / "docs" / candidate
    return None
