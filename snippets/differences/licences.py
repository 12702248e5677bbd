from importlib.metadata import metadata

# Every installed package declares its licence in its metadata: newer wheels as an SPDX
# `License-Expression`, older ones in the free-text `License` field.
licences = {}
for package in ["torch", "tensorflow", "keras"]:
    info = metadata(package)
    licences[package] = info["License-Expression"] or info["License"]
    print(f"{package}: {licences[package]}")

# torch's expression also lists the licences of the code its wheel bundles; its own is BSD-3-Clause.
assert "BSD-3-Clause" in licences["torch"]
assert all("Apache" in licences[package] for package in ["tensorflow", "keras"])
