import subprocess
import sys

# In a fresh Python process, where nothing is imported yet:
probe = """
import os
import sys

os.environ["KERAS_BACKEND"] = "torch"
import keras

print("after import keras:", "tensorflow" in sys.modules)
keras.utils.set_random_seed(0)
print("after set_random_seed:", "tensorflow" in sys.modules)
"""
subprocess.run([sys.executable, "-c", probe], check=True)
