import os
import pickle
import tempfile

import torch


class Config:  # any class of your own, pickled into the checkpoint
    learning_rate = 0.1


with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "checkpoint.pt")
    torch.save({"weights": torch.zeros(2), "config": Config()}, path)
    try:
        torch.load(path)
    except pickle.UnpicklingError as error:
        first, reason = str(error).splitlines()[:2]
        print(first.split(".")[0])
        print(reason.strip().split(". ")[0])
    # A file you trust: allow its classes by name, not weights_only=False.
    with torch.serialization.safe_globals([Config]):
        allowed = torch.load(path)
    print("with safe_globals:", type(allowed["config"]).__name__)

    torch.save({"weights": torch.zeros(2), "learning_rate": 0.1}, path)
    print("plain types load:", sorted(torch.load(path)))
