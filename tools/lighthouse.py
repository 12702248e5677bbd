"""`make lighthouse`: Lighthouse (mobile preset) on every page of a freshly built site, as a table.

Builds the site (`mkdocs build --strict`) into a temporary folder, serves it on 127.0.0.1 as the host
does (gzip, under the path of `site_url`), runs the pinned npm `lighthouse` with the system chromium
(CHROME_PATH, default /usr/bin/chromium) on each page of the sitemap, one at a time, and prints scores,
FCP and LCP per page, then what kept a page under the targets. A benchmark to run and report: it exits 0
unless Lighthouse itself cannot run (`--strict`: also when a target is missed).

    .venv/bin/python tools/lighthouse.py [--site DIR] [--only PATH ...] [--runs N] [--json-dir DIR] [--strict]

Performance is measured on this machine's CPU (simulated 4x slowdown of it): on a busy machine, total
blocking time and so the performance score vary from run to run; `--runs 3` reports the median run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.site_server import CHROMIUM_ARGS, build_site, chromium_path, page_urls, serve  # noqa: E402

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"


def run_lighthouse(url: str, out: Path, chrome: str) -> dict:
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        # Mobile is Lighthouse's default: a mid-range phone, simulated slow 4G and 4x CPU slowdown.
        "--form-factor=mobile",
        "--throttling-method=simulate",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    done = subprocess.run(
        command, env={**os.environ, "CHROME_PATH": chrome}, capture_output=True, text=True
    )
    if done.returncode or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{done.stdout}{done.stderr}")
    return json.loads(out.read_text(encoding="utf-8"))


def summarize(report: dict) -> dict:
    audits, categories = report["audits"], report["categories"]
    row = {name: round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES}
    row["fcp"] = audits["first-contentful-paint"]["numericValue"] / 1000
    row["lcp"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    row["failing"] = []
    for name in CATEGORIES:
        if row[name] >= TARGETS[name]:
            continue
        for ref in categories[name]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue") or ""
                row["failing"].append(
                    f"{name}: {ref['id']} ({audit['score']:.2f}) {value}".rstrip()
                )
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    parser.add_argument(
        "--only", nargs="*", default=[], help="page paths, e.g. side-by-side/ (default: all)"
    )
    parser.add_argument("--json-dir", type=Path, help="keep the Lighthouse JSON reports here")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a page misses a target")
    parser.add_argument(
        "--runs",
        type=int,
        default=1,
        help="runs per page; the table shows the median-performance run",
    )
    args = parser.parse_args()

    chrome = os.environ.get("CHROME_PATH") or chromium_path()
    if not chrome:
        sys.exit("no Chromium: apt-get install chromium (or set CHROME_PATH)")
    if not LIGHTHOUSE.exists():
        sys.exit("no lighthouse: run `npm ci` (package.json pins it)")

    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        site = args.site or build_site(Path(tmp) / "site")
        reports = args.json_dir or Path(tmp) / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        rows = {}
        with serve(site) as server:
            for url in page_urls(site, server.url):
                path = url[len(server.url) :] or "/"
                if args.only and path not in args.only:
                    continue
                name = path.strip("/").replace("/", "_") or "index"
                runs = [
                    summarize(run_lighthouse(url, reports / f"{name}-{n}.json", chrome))
                    for n in range(args.runs)
                ]
                rows[path] = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
                print(f"  measured {path}", file=sys.stderr, flush=True)

    width = max(len(p) for p in rows)
    header = f"| {'page':<{width}} | perf | a11y | best practices | SEO | FCP s | LCP s |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    for path, r in rows.items():
        print(
            f"| {path:<{width}} | {r['performance']:>4} | {r['accessibility']:>4} | "
            f"{r['best-practices']:>14} | {r['seo']:>3} | {r['fcp']:>5.2f} | {r['lcp']:>5.2f} |"
        )
    missed = {p: r["failing"] for p, r in rows.items() if r["failing"]}
    if missed:
        print("\nUnder target (perf >= 98, accessibility, best practices and SEO = 100):")
        for path, failing in missed.items():
            print(f"  {path}: " + "; ".join(failing))
    else:
        print(
            "\nTargets met on every page: performance >= 98, accessibility, best practices and SEO = 100."
        )
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
