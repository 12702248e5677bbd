# The gate (tests/gate/plugin.py) runs every example of every page: see its docstring.
pytest_plugins = ["tests.gate.plugin"]
