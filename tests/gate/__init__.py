"""The gate: a pytest plugin that runs every code example of the site (see plugin.py)."""
