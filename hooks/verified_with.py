"""MkDocs hook: stamp every page with the framework versions its examples were verified with.

The versions are read from the installed packages at build time (the ones `requirements.txt` pins and
the tests run against), never typed by hand.
"""

from importlib.metadata import PackageNotFoundError, version

FRAMEWORKS = {"torch": "PyTorch", "tensorflow": "TensorFlow", "keras": "Keras"}


def installed_versions() -> dict[str, str]:
    found = {}
    for package, label in FRAMEWORKS.items():
        try:
            found[label] = version(package).split("+")[0]  # "2.13.0+cpu" -> "2.13.0"
        except PackageNotFoundError:
            found[label] = "not installed"
    return found


def on_config(config):
    config.extra["verified_with"] = installed_versions()
    return config


def on_page_markdown(markdown, page, config, files):
    stamp = ", ".join(f"{label} {v}" for label, v in config.extra["verified_with"].items())
    return (
        f"{markdown}\n\n"
        f'<p class="verified-with" markdown>Examples on this page verified with {stamp}.</p>\n'
    )
