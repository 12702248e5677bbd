import subprocess
import sys
import tempfile
from pathlib import Path

# A script named keras.py or torch.py shadows the framework: Python puts the
# script's folder first on sys.path, so the import finds the script itself.
for name in ["keras", "torch"]:
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / f"{name}.py"
        script.write_text(f"import {name}\nprint({name}.__file__)\n")
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True
        )
        found = result.stdout.split()[-1]
        print(
            f"`import {name}` in {name}.py found itself:", found == str(script)
        )
