"""Build the offline copy of the site (`make offline`): a zip that works from file://, search included.

Usage: python tools/build_offline.py [ZIP]   (default: site-offline.zip)

Material's offline plugin, enabled by OFFLINE=true (mkdocs.yml), and hooks/offline.py do the work; this
builds strictly into a temporary folder and zips it under one top folder, `FOLDER`, so that unzipping
gives `FOLDER/index.html` to open in a browser.
"""

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = "pytorch-tensorflow-keras-offline"


def build_offline(zip_path: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="site-offline-") as tmp:
        site = Path(tmp, FOLDER)
        env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)]
        subprocess.run(command, cwd=ROOT, env=env, check=True)
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(site.rglob("*")):
                archive.write(path, path.relative_to(tmp))
    return zip_path


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "site-offline.zip").resolve()
    build_offline(target)
    print(
        f"{target.relative_to(Path.cwd()) if target.is_relative_to(Path.cwd()) else target}: "
        f"{target.stat().st_size / 1e6:.1f} MB; unzip it and open {FOLDER}/index.html"
    )
