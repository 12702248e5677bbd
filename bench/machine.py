"""Is the machine idle enough to measure? The load average and a short calibration loop, before a run.

`make bench` calls `preflight` first: past a threshold it waits (`BENCH_WAIT` seconds, default 240),
checking again every 15 s, then refuses (exit status 3) unless `--allow-load` / `BENCH_ALLOW_LOAD=1`,
in which case the results are marked "taken under load" and the page says so.

The calibration loop is plain Python on one core: a fixed amount of work timed `CALIBRATION_RUNS`
times. Two readings of it do not depend on knowing the machine's speed:

- **CPU share**: CPU time over wall time. Close to 1 on an idle core; lower when other processes take
  the core away (the run is descheduled).
- **Spread**: interquartile range over median of the repeats. Small on an idle core.

Only the standard library: `bench.run` imports no framework.
"""

import os
import statistics
import time

CALIBRATION_RUNS = 15
CALIBRATION_WORK = 200_000  # additions: about 5-10 ms per run on a current core
POLL_S = 15
BUSY_EXIT_STATUS = 3  # what a measuring tool exits with when it refuses a busy machine


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def cores() -> int:
    return os.cpu_count() or 1


def default_max_load() -> float:
    """Highest acceptable 1-minute load average before a run: half the cores (1.0 on 2 CPUs)."""
    return float(os.environ.get("BENCH_MAX_LOAD", max(0.5, cores() / 2)))


def calibrate(runs: int = CALIBRATION_RUNS) -> dict:
    """Time a fixed pure-Python loop `runs` times: its median, spread and CPU share."""
    walls, cpus = [], []
    for _ in range(runs):
        w, c = time.perf_counter(), time.process_time()
        total = 0
        for i in range(CALIBRATION_WORK):
            total += i
        cpus.append(time.process_time() - c)
        walls.append(time.perf_counter() - w)
    q1, median, q3 = statistics.quantiles(walls, n=4)
    return {
        "median_ms": round(median * 1e3, 3),
        "spread": round((q3 - q1) / median, 4),
        "cpu_share": round(sum(cpus) / sum(walls), 4),
        "runs": runs,
    }


THRESHOLDS = {"cpu_share_min": 0.9, "spread_max": 0.1}


def reading(max_load: float | None = None) -> dict:
    """One check: load average and calibration, and the reasons the machine counts as busy (if any)."""
    max_load = default_max_load() if max_load is None else max_load
    load, calibration = load_average(), calibrate()
    busy = []
    if load[0] > max_load:
        busy.append(f"1-minute load average {load[0]:.2f} > {max_load:.2f} ({cores()} CPUs)")
    if calibration["cpu_share"] < THRESHOLDS["cpu_share_min"]:
        busy.append(
            f"calibration loop got {calibration['cpu_share']:.0%} of a core "
            f"(< {THRESHOLDS['cpu_share_min']:.0%}: other processes take the CPU)"
        )
    if calibration["spread"] > THRESHOLDS["spread_max"]:
        busy.append(
            f"calibration loop spread {calibration['spread']:.0%} of its median "
            f"(> {THRESHOLDS['spread_max']:.0%})"
        )
    return {
        "time": time.time(),
        "load_average": load,
        "calibration": calibration,
        "max_load": max_load,
        "thresholds": THRESHOLDS,
        "busy": busy,
    }


def preflight(allow_load: bool, wait_s: float, log) -> tuple[bool, dict]:
    """(go ahead, the last reading). Waits up to `wait_s` for an idle machine; `allow_load` goes anyway."""
    deadline = time.monotonic() + wait_s
    while True:
        check = reading()
        if not check["busy"]:
            return True, check
        if allow_load:
            log(
                "[bench] busy machine, measuring anyway (--allow-load): " + "; ".join(check["busy"])
            )
            return True, check
        left = deadline - time.monotonic()
        if left <= 0:
            return False, check
        log(f"[bench] machine busy ({'; '.join(check['busy'])}): waiting, {left:.0f} s left")
        time.sleep(min(POLL_S, max(left, 1)))
