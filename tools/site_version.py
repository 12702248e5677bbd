"""The published site's version: one per release line of the pinned frameworks (requirements.txt).

    python tools/site_version.py          -> torch2.13-tf2.21-keras3.15
    python tools/site_version.py --title  -> PyTorch 2.13, TensorFlow 2.21, Keras 3.15

`mike deploy` (the Pages workflow) publishes the site under this name with the alias `latest`: a pin
bumped within a release line (2.13.0 -> 2.13.1) updates that version; a new line (2.14) adds one, and
the old one stays for readers whose code targets it.
"""

import re
import sys
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parents[1] / "requirements.txt"
FRAMEWORKS = [
    ("torch", "torch", "PyTorch"),
    ("tensorflow", "tf", "TensorFlow"),
    ("keras", "keras", "Keras"),
]


def release_lines(requirements: str) -> list[tuple[str, str, str]]:
    """(short name, title name, "major.minor") of each framework pin."""
    lines = []
    for package, short, title in FRAMEWORKS:
        match = re.search(rf"^{package}==(\d+)\.(\d+)", requirements, flags=re.M)
        if not match:
            raise SystemExit(f"{REQUIREMENTS.name} pins no {package}==X.Y")
        lines.append((short, title, f"{match[1]}.{match[2]}"))
    return lines


def version_name(requirements: str) -> str:
    return "-".join(f"{short}{line}" for short, _, line in release_lines(requirements))


def version_title(requirements: str) -> str:
    return ", ".join(f"{title} {line}" for _, title, line in release_lines(requirements))


if __name__ == "__main__":
    text = REQUIREMENTS.read_text(encoding="utf-8")
    print(version_title(text) if "--title" in sys.argv[1:] else version_name(text))
