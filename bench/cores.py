"""Equal CPU for every implementation: each worker is pinned to the same cores, its CPU time is
recorded beside its wall time, and a run fails when an implementation used more CPU than it had.

- `choose(threads)`: the cores every worker gets, the same for all: the last `threads` of the cores
  this process may use (core 0 often serves the system's interrupts).
- `pin(cores)`: called by a worker before it imports a framework; restricts every thread of the
  process (numpy's BLAS threads already exist) and so every thread or process started later, which
  inherit it, to those cores (`os.sched_setaffinity`, Linux). Where the OS has no such call (macOS,
  Windows) nothing is pinned, and only the CPU-time check below stands between a framework's extra
  threads and the results.
- `Clock`: wall time (`time.perf_counter`) and CPU time of the whole process, every thread included
  (`time.process_time`) around a timed region.
- `problems(...)`: the check. CPU time above wall time x cores means the implementation ran on more
  cores than the others got: its figures are not comparable, and `bench.run` writes nothing.

Only the standard library: `bench.run` imports no framework.
"""

import os
import time

CPU_TOLERANCE = 0.10  # relative: CPU time may exceed wall time x cores by this much (clock reads)
CPU_SLACK_S = 0.002  # absolute, for very short regions
MIN_WALL_S = 0.02  # regions shorter than this are too short to judge
UNEQUAL_CPU_EXIT_STATUS = 4  # bench.run's exit status when the check fails
# CPU time / (wall time x cores) of a pinned worker's timed training on the CPU: below this, other
# processes took its cores away, and the result set is marked as taken under load.
MIN_CPU_SHARE = 0.9


def allowed() -> list[int]:
    """The cores this process may run on (all of them where the OS cannot say)."""
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(os.cpu_count() or 1))


def choose(threads: int) -> list[int]:
    cores = allowed()
    if threads > len(cores):
        raise ValueError(f"{threads} threads asked, but only {len(cores)} cores are usable here")
    return cores[-threads:]


def pin(cores: list[int]) -> str:
    """Pin every thread of this process to `cores`; returns how (or why not)."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned: no os.sched_setaffinity on this OS"
    tasks = [0]
    if os.path.isdir("/proc/self/task"):  # Linux: each thread has its own affinity
        tasks = [int(tid) for tid in os.listdir("/proc/self/task")]
    for tid in tasks:
        try:
            os.sched_setaffinity(tid, cores)
        except ProcessLookupError:  # a thread that ended meanwhile
            pass
    return "os.sched_setaffinity"


def os_threads() -> int | None:
    """Threads of this process as the OS counts them (the frameworks' pools included)."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process().num_threads()
    except ImportError:
        return None


class Clock:
    """Wall and CPU seconds of a timed region; the `wall` and `cpu` clocks can be replaced in tests."""

    wall = staticmethod(time.perf_counter)
    cpu = staticmethod(time.process_time)

    def __init__(self):
        self.wall_s = self.cpu_s = 0.0

    def __enter__(self):
        self._wall, self._cpu = self.wall(), self.cpu()
        return self

    def __exit__(self, *exc):
        self.wall_s += self.wall() - self._wall
        self.cpu_s += self.cpu() - self._cpu
        return False

    def record(self) -> dict:
        return {"wall_s": self.wall_s, "cpu_s": self.cpu_s}


def over(region: dict, n_cores: int) -> bool:
    """Did a region use more CPU time than wall time x cores (beyond the tolerance)?"""
    if region["wall_s"] < MIN_WALL_S:
        return False
    return region["cpu_s"] > region["wall_s"] * n_cores * (1 + CPU_TOLERANCE) + CPU_SLACK_S


def problems(name: str, regions: dict[str, dict], n_cores: int) -> list[str]:
    """One line per timed region of `name` that used more CPU than its cores allow."""
    return [
        f"{name}, {what}: {r['cpu_s']:.3f} s of CPU in {r['wall_s']:.3f} s of wall time, "
        f"{r['cpu_s'] / r['wall_s']:.2f} cores busy on average, more than the {n_cores} it was "
        "given: it ran on more cores than the other implementations"
        for what, r in regions.items()
        if over(r, n_cores)
    ]
