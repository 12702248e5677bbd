import subprocess
import sys
import tempfile
from pathlib import Path

# A script named keras.py shadows the framework: Python puts the script's
# folder first on sys.path, so `import keras` finds the script itself.
with tempfile.TemporaryDirectory() as folder:
    script = Path(folder) / "keras.py"
    script.write_text("import keras\nprint('imported', keras.__file__)\n")
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True
    )
    imported = result.stdout.split()[-1]
    print("`import keras` found the script itself:", imported == str(script))
