from importlib.metadata import metadata

# Each installed package declares the Python versions it supports.
for package in ["torch", "tensorflow", "keras", "jax"]:
    info = metadata(package)
    print(f"{package} {info['Version']}: Python {info['Requires-Python']}")
