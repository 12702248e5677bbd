import os
import subprocess
import sys
import tempfile

# A script that starts a process with "spawn" at its top level, unguarded.
script = """
import multiprocessing as mp

def work():
    pass

worker = mp.get_context("spawn").Process(target=work)
worker.start()
worker.join()
"""
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "no_guard.py")
    with open(path, "w") as file:
        file.write(script)
    run = subprocess.run(
        [sys.executable, path], capture_output=True, text=True
    )
# The child imports the script, reaches start() again, and Python stops it.
print("RuntimeError:", "RuntimeError" in run.stderr)
print("bootstrapping phase:", "bootstrapping phase" in run.stderr)
