"""The network guard of the examples: connections and DNS look-ups to anything but this machine fail.

Installed by worker.py in each example's process, and by subprocess_guard/sitecustomize.py in every Python
process an example starts. Loopback stays open: DDP's gloo workers talk over 127.0.0.1. Imports only the
standard library: it runs at the start-up of processes that have nothing else.
"""

import socket

BLOCKED = "network access is blocked"  # the start of the error; the gate looks for it in stderr too
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0", "::", ""}


class NetworkBlockedError(OSError):
    pass


def _is_loopback(host) -> bool:
    host = str(host)
    return host in LOOPBACK_HOSTS or host.startswith("127.") or host.endswith(".localhost")


def block_network() -> None:
    """Refuse connections and DNS look-ups to anything but this machine (loopback serves DDP/gloo)."""

    def refuse(target):
        raise NetworkBlockedError(
            f"{BLOCKED} while examples run (tried to reach {target!r}): "
            "an example must make its own data or use data a pinned package ships"
        )

    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def address_ok(sock, address) -> bool:
        return sock.family not in (socket.AF_INET, socket.AF_INET6) or _is_loopback(address[0])

    def connect(sock, address):
        if not address_ok(sock, address):
            refuse(address)
        return real_connect(sock, address)

    def connect_ex(sock, address):
        if not address_ok(sock, address):
            refuse(address)
        return real_connect_ex(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not _is_loopback(host if isinstance(host, str) else host.decode()):
            refuse(host)
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
    socket.getaddrinfo = getaddrinfo
