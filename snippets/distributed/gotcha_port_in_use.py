import socket

import torch.distributed as dist

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))  # ask the OS for a free port
    port = s.getsockname()[1]

# The rendezvous store of a first job listens on the port ...
first = dist.TCPStore("127.0.0.1", port, is_master=True)
try:  # ... so a second job on the same port cannot.
    dist.TCPStore("127.0.0.1", port, is_master=True)
except dist.DistNetworkError as error:
    print(type(error).__name__, "| EADDRINUSE:", "EADDRINUSE" in str(error))
