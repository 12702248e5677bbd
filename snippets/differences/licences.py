import textwrap
from importlib.metadata import metadata

# Each installed package declares its licence in its metadata: as an SPDX
# `License-Expression` (newer metadata) or in the free-text `License` field.
licences = {}
for package in ["torch", "tensorflow", "keras"]:
    info = metadata(package)
    licences[package] = info.get("License-Expression") or info.get("License")
    line = f"{package}: " + ", ".join(licences[package].split(" AND "))
    print(textwrap.fill(line, width=72, subsequent_indent="    "))

# torch's expression also covers the code its wheel bundles.
assert "BSD-3-Clause" in licences["torch"]
assert all("Apache" in licences[name] for name in ["tensorflow", "keras"])
