"""Run the benchmarks and rewrite docs/benchmarks/results/<machine>-<device>.json and the SVG charts.

    python -m bench.run            # make bench: the full plan, CPU (and CUDA when nvidia-smi sees a GPU)
    python -m bench.run --quick    # make bench-quick: fewer repeats and sweep points
    python -m bench.run --devices cuda --allow-load   # e.g. a GPU check on a shared machine

Runs every implementation whose packages are installed (PyTorch, TensorFlow, Keras, JAX: see
`bench.common.IMPLS`), then the MLP sweep (width and batch size) and, on the CPU when both PyTorch and
TensorFlow are there, the measurements that explain the compiled implementations (`bench.explain`).

Before measuring it checks that the machine is idle (`bench.machine`): past the threshold it waits
(`--wait`, default BENCH_WAIT or 240 s) and then exits with status 3, unless `--allow-load`
(BENCH_ALLOW_LOAD=1): then the results are marked "taken under load" and the page says so.

The time to first step is measured in fresh processes, each with an empty torch.compile cache; in
the full plan, one more torch.compile process per model starts with the cache the one before left.

Every worker is pinned to the same cores (`bench.cores`: as many as `--threads`), and records the
CPU time of each timed region beside its wall time. An implementation that used more CPU time than
wall time x its cores ran on more cores than the others: the run fails and writes nothing.

Exit status: 0 results written; 1 correctness check failed (nothing written); 3 machine busy;
4 an implementation used more cores than it was given (nothing written).
One result file per machine (CPU model, core count, GPU) and device: results from several machines
sit side by side, and the page (hooks/benchmarks.py) renders them all.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import charts, explain
from . import cores as cpu
from . import machine as idle
from .check import ROOT, run_worker
from .common import (
    BATCH_SIZE,
    CHECK_STEPS,
    CHECK_TOLERANCE,
    DTYPE,
    IMPLS,
    LEARNING_RATE,
    MODELS,
    PLANS,
    REFERENCE_IMPL,
    SWEEP_BATCH_WIDTH,
    available,
    sweep_points,
)

OUT = ROOT / "docs" / "benchmarks"
WARM_CACHE_IMPLS = ("torch-compile",)  # also timed from a compile cache an earlier run left
SCHEMA = 3  # 3: CPU time per timed region, pinned cores, every fresh run's breakdown


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def gpus() -> list[str]:
    if not shutil.which("nvidia-smi"):
        return []
    try:
        out = subprocess.run(
            ["nvidia-smi", "--query-gpu=name,memory.total", "--format=csv,noheader"],
            capture_output=True, text=True, timeout=30, check=True,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.strip() for line in out.splitlines() if line.strip()]


def versions() -> dict[str, str]:
    found = {"python": platform.python_version()}
    for package in ("torch", "tensorflow", "keras", "jax", "numpy"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            found[package] = "not installed"
    return found


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def machine_info(name: str | None) -> dict:
    cpu, cores, gpu_list = cpu_model(), os.cpu_count() or 1, gpus()
    label = name or f"{cpu}, {cores} CPUs" + (f", {gpu_list[0].split(',')[0]}" if gpu_list else "")
    return {
        "slug": slugify(label),
        "label": label,
        "cpu": cpu,
        "logical_cpus": cores,
        "memory_gib": memory_gib(),
        "gpus": gpu_list,
        "os": platform.platform(),
    }


load_average = idle.load_average


def log(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def worker_args(
    impls: list[str], models: list[str], mode: str, plan: str, expect: dict[str, float]
) -> list[str]:
    args = [
        "--impls",
        ",".join(impls),
        "--models",
        ",".join(models),
        "--mode",
        mode,
        "--plan",
        plan,
    ]
    return args + ["--expect", ",".join(f"{m}={loss!r}" for m, loss in expect.items())]


def breakdown(run: dict, out: dict) -> dict:
    """Where the time to first step of one fresh process went."""
    return {
        "startup_s": out.get("startup_s"),
        "import_s": out["import_s"],
        "build_s": run.get("build_s"),
        "first_step_s": run.get("first_step_s"),
        "ttfs_s": run.get("ttfs_s"),
    }


def cpu_use(out: dict) -> dict:
    """The cores a worker was given and the threads it ran: what the CPU-time check judges against."""
    return {
        "cores": out.get("cores"),
        "pinning": out.get("pinning"),
        "os_threads": out.get("os_threads"),
    }


def record(impl: str, device: str, run: dict, out: dict, fresh: bool, group: list[str]) -> dict:
    """One result: an implementation on a model and device, as the page and the charts read it."""
    return {
        "impl": impl,
        "model": run["model"],
        "device": device,
        "error": run.get("error"),
        "info": run.get("info", {}),
        "train_samples_per_s": run.get("train_samples_per_s"),
        "latency_ms": run.get("latency_ms"),
        "ttfs_s_samples": [run["ttfs_s"]] if fresh and "ttfs_s" in run else [],
        "ttfs_breakdown": {
            "startup_s": out.get("startup_s") if fresh else None,
            "import_s": out["import_s"] if fresh else None,
            "build_s": run.get("build_s"),
            "first_step_s": run.get("first_step_s"),
        },
        "ttfs_fresh_process": fresh,
        "ttfs_runs": [breakdown(run, out)] if fresh and "ttfs_s" in run else [],
        "cpu": run.get("cpu", {}),
        "cpu_use": cpu_use(out),
        "peak_rss_mib": run.get("peak_rss_mib"),
        "cuda_peak_mib": run.get("cuda_peak_mib"),
        "peak_memory_scope": ",".join(group),
        "check_loss": run.get("check_loss"),
    }


def bench_device(
    device, impls, models, groups, plan, n_threads, threads, loads, cores
) -> list[dict]:
    """Every implementation on one device: the reference first, whose losses the others must match."""
    results, reference = [], {}
    for impl in impls:
        family = IMPLS[impl].family
        for group in groups:
            expect = {m: reference[m] for m in group if m in reference}
            label = f"[bench] {device} {impl} {','.join(group)} ..."
            print(label, file=sys.stderr, end="", flush=True)
            t = time.perf_counter()
            args = worker_args([impl], group, "bench", plan.name, expect)
            out = run_worker(family, args, device, n_threads, cores=cores)
            print(f" {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
            loads.append(load_average())
            threads[family] = out["threads"]
            for i, run in enumerate(out["runs"]):
                if impl == REFERENCE_IMPL and "check_loss" in run:
                    reference[run["model"]] = run["check_loss"]
                ref = reference.get(run["model"])
                if "check_loss" in run and ref is not None:
                    diff = abs(run["check_loss"] - ref)
                    if diff > CHECK_TOLERANCE:  # never publish timings of a different computation
                        run.setdefault("error", f"correctness: |loss - reference| {diff:.1e}")
                        run.pop("train_samples_per_s", None)
                        run.pop("latency_ms", None)
                results.append(record(impl, device, run, out, fresh=i == 0, group=group))
        for model in models:  # more fresh processes for the time to first step (full plan)
            # torch.compile: the last of them keeps its compile cache, and one more process starts
            # with it, as a second run of the same script does
            warm = impl in WARM_CACHE_IMPLS and plan.ttfs_runs > 1
            cache = tempfile.mkdtemp(prefix="bench-inductor-kept-") if warm else None
            try:
                for i in range(plan.ttfs_runs - 1 + warm):
                    keep = cache if warm and i >= plan.ttfs_runs - 2 else None
                    args = worker_args([impl], [model], "ttfs", plan.name, {})
                    out = run_worker(family, args, device, n_threads, cores=cores, cache=keep)
                    run = out["runs"][0]
                    for r in results:
                        if (r["impl"], r["model"]) != (impl, model) or "ttfs_s" not in run:
                            continue
                        if i == plan.ttfs_runs - 1:  # the process with a warm cache
                            r["ttfs_warm_cache"] = breakdown(run, out)
                            r["cpu"]["first_step_warm_cache"] = run["cpu"]["first_step"]
                            continue
                        r["ttfs_s_samples"].append(run["ttfs_s"])
                        r["ttfs_runs"].append(breakdown(run, out))
                        r["cpu"].setdefault("first_step_runs", []).append(run["cpu"]["first_step"])
            finally:
                if cache:
                    shutil.rmtree(cache, ignore_errors=True)
    return results


def check_summary(results: list[dict], device: str, models: list[str]) -> list[dict]:
    summaries = []
    for model in models:
        losses = {
            r["impl"]: r["check_loss"]
            for r in results
            if (r["model"], r["device"]) == (model, device)
        }
        ref = losses.get(REFERENCE_IMPL)
        diffs = [abs(v - ref) for v in losses.values() if v is not None and ref is not None]
        summaries.append(
            {
                "model": model,
                "device": device,
                "reference": REFERENCE_IMPL,
                "losses": losses,
                "max_abs_diff": max(diffs, default=None),
                "passed": ref is not None
                and None not in losses.values()
                and all(d <= CHECK_TOLERANCE for d in diffs),
            }
        )
    return summaries


def sweep_device(device, impls, plan, n_threads, loads, cores) -> list[dict]:
    """The MLP sweep: one process per framework family, every point for each implementation."""
    points = ",".join(f"{w}:{b}" for w, b in sweep_points(plan))
    by_family: dict[str, list[str]] = {}
    for impl in impls:
        if impl not in plan.sweep_skip:
            by_family.setdefault(IMPLS[impl].family, []).append(impl)
    found = []
    for family, members in by_family.items():
        t = time.perf_counter()
        log(f"[bench] {device} sweep {','.join(members)} ...")
        args = ["--mode", "sweep", "--impls", ",".join(members), "--points", points]
        out = run_worker(
            family, args + ["--plan", plan.name], device, n_threads, timeout=900, cores=cores
        )
        loads.append(load_average())
        log(f"[bench] {device} sweep {','.join(members)}: {time.perf_counter() - t:.1f} s")
        found += [{"device": device, **r, "cpu_use": cpu_use(out)} for r in out["sweep"]]
    return found


def unequal_cpu(results: list[dict], sweep: list[dict], n_cores: int) -> list[str]:
    """Every timed region, of every implementation, where it used more CPU than its cores allow."""
    found = []
    for r in results:
        regions = dict(r.get("cpu") or {})
        for i, region in enumerate(regions.pop("first_step_runs", []), start=2):
            regions[f"first step (fresh run {i})"] = region
        if "first_step_warm_cache" in regions:
            regions["first step (warm cache)"] = regions.pop("first_step_warm_cache")
        found += cpu.problems(f"{r['impl']} {r['model']}", regions, n_cores)
    for r in sweep:
        found += cpu.problems(
            f"{r['impl']} sweep {r['hidden']}:{r['batch']}", r.get("cpu") or {}, n_cores
        )
    return found


def cpu_shares(results: list[dict], sweep: list[dict], n_cores: int) -> dict[str, float]:
    """{impl: CPU time / (wall time x cores)} over its timed training: 1 when it kept its cores
    busy; lower when it waited, or when other processes took its cores."""
    totals: dict[str, list[float]] = {}
    for r in [*results, *sweep]:
        region = (r.get("cpu") or {}).get("train")
        if region:
            total = totals.setdefault(r["impl"], [0.0, 0.0])
            total[0] += region["cpu_s"]
            total[1] += region["wall_s"] * n_cores
    return {impl: round(c / w, 3) for impl, (c, w) in totals.items() if w > 0}


def load_limit_during(threads: int) -> float:
    """The highest 1-minute load average during a run that counts as no other work: the benchmark
    itself keeps `threads` cores busy at most (every process it starts is pinned to them)."""
    return threads + 0.5


def starved_impls(shares: dict[str, float], device: str) -> dict[str, float]:
    """On the CPU, the implementations whose pinned workers got less CPU time than their cores'
    wall time allowed (below `bench.cores.MIN_CPU_SHARE`): other processes took their cores."""
    if device != "cpu":  # on a GPU, the host thread may wait for the device
        return {}
    return {impl: share for impl, share in shares.items() if share < cpu.MIN_CPU_SHARE}


def output_name(machine: dict, device: str) -> str:
    return f"{machine['slug']}-{device}"


def write(result_set: dict, out: Path) -> list[Path]:
    """The results file and charts of one machine and device; drops older-format results files
    (schema 1: one file per machine, no sweep; schema 2: no CPU time, so no proof that every
    implementation had the same cores) and their charts, which this run replaces."""
    for legacy in sorted((out / "results").glob("*.json")):
        data = json.loads(legacy.read_text())
        if data.get("schema", 1) >= 3:
            continue
        for device in ("cpu", "cuda"):
            for metric in charts.METRICS:
                name = charts.chart_name(data["machine"]["slug"], device, metric)
                (out / "charts" / name).unlink(missing_ok=True)
        legacy.unlink()
        log(f"[bench] removed {legacy.name} and its charts (an older results format)")
    return [charts.write_results(result_set, out), *charts.write_charts(result_set, out)]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="reduced run (make bench-quick)")
    parser.add_argument(
        "--threads",
        type=int,
        default=int(os.environ.get("BENCH_THREADS", 1)),
        help="threads, every framework",
    )
    parser.add_argument("--impls", default=None, help="default: every installed implementation")
    parser.add_argument("--models", default=",".join(MODELS))
    parser.add_argument(
        "--devices", default="auto", help="cpu, cuda or cpu,cuda (auto: cuda too if present)"
    )
    parser.add_argument(
        "--machine", default=os.environ.get("BENCH_MACHINE"), help="machine label (default: CPU)"
    )
    parser.add_argument(
        "--note", default=os.environ.get("BENCH_NOTE", ""), help="shown with the results"
    )
    parser.add_argument(
        "--allow-load",
        action="store_true",
        default=os.environ.get("BENCH_ALLOW_LOAD", "") not in ("", "0"),
        help="measure on a busy machine anyway; the results say so (BENCH_ALLOW_LOAD=1)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=float(os.environ.get("BENCH_WAIT", 240)),
        help="seconds to wait for an idle machine before refusing (BENCH_WAIT)",
    )
    parser.add_argument("--no-sweep", action="store_true", help="skip the MLP sweep")
    parser.add_argument("--no-explain", action="store_true", help="skip bench.explain")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    plan = PLANS["quick" if args.quick else "full"]
    wanted = args.impls.split(",") if args.impls else list(IMPLS)
    impls = [REFERENCE_IMPL] + [i for i in available(wanted) if i != REFERENCE_IMPL]
    missing = [i for i in wanted if i not in impls]
    if missing:
        log(f"[bench] not installed here, skipped: {', '.join(missing)}")
    models = args.models.split(",")
    info = machine_info(args.machine)
    devices = (
        ["cpu", "cuda"] if args.devices == "auto" and info["gpus"] else args.devices.split(",")
    )
    devices = ["cpu"] if devices == ["auto"] else devices

    go, before = idle.preflight(args.allow_load, args.wait, log)
    if not go:
        log(
            "[bench] refusing to measure: the machine is busy ("
            + "; ".join(before["busy"])
            + f"), still after waiting {args.wait:.0f} s. Stop other work and run again, or measure "
            "anyway with BENCH_ALLOW_LOAD=1 (make bench) / --allow-load: the page then marks the "
            "results as taken under load."
        )
        return idle.BUSY_EXIT_STATUS
    # quick: one process per implementation runs both models (the second model's time to first step is
    # not measured: the process is no longer fresh); full: one fresh process per (impl, model).
    groups = [models] if args.quick else [[m] for m in models]
    cores = cpu.choose(args.threads)  # the same cores for every worker
    log(f"[bench] every worker on cores {','.join(map(str, cores))}")

    written = []
    for device in devices:
        started, loads, threads = time.perf_counter(), [load_average()], {}
        results = bench_device(
            device, impls, models, groups, plan, args.threads, threads, loads, cores
        )
        correctness = check_summary(results, device, models)
        failed = [c for c in correctness if not c["passed"]]
        if failed:  # never publish timings of implementations that do not compute the same thing
            for c in failed:
                log(f"[bench] correctness check failed: {c}")
            log("[bench] results NOT written")
            return 1
        sweep = (
            [] if args.no_sweep else sweep_device(device, impls, plan, args.threads, loads, cores)
        )
        unequal = unequal_cpu(results, sweep, len(cores))
        if unequal:  # never publish figures of an implementation that had more cores than others
            log("[bench] an implementation used more cores than it was given:")
            log("\n".join(f"  {line}" for line in unequal))
            log("[bench] results NOT written")
            return cpu.UNEQUAL_CPU_EXIT_STATUS
        shares = cpu_shares(results, sweep, len(cores))
        explained = None
        if device == "cpu" and not (args.quick or args.no_explain) and explain.possible():
            log("[bench] explaining the compiled implementations (bench.explain) ...")
            explained = explain.collect(quick=args.quick, log=log, cores=cores)
            loads.append(load_average())
        limit_during = load_limit_during(args.threads)
        after = idle.reading(max(before["max_load"], limit_during))
        loads.append(after["load_average"])
        others_busy = bool(
            before["busy"] or after["busy"] or max(load[0] for load in loads) > limit_during
        )
        # A share below MIN_CPU_SHARE is starvation only when something else ran: on a machine the
        # load and the calibration loop call idle, it is time the implementation spent waiting on
        # itself (Keras fit's input pipeline threads, say), shown with its CPU time on the page.
        starved = starved_impls(shares, device) if others_busy else {}
        under_load = others_busy
        result_set = {
            "schema": SCHEMA,
            "machine": info,
            "device": device,
            "versions": versions(),
            "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "plan": plan.__dict__,
            "impls": {key: {"label": IMPLS[key].label, "how": IMPLS[key].how} for key in impls},
            "models": {key: MODELS[key] for key in models},
            "settings": {
                "batch_size": BATCH_SIZE,
                "dtype": DTYPE,
                "threads": args.threads,
                "thread_settings": threads,
                "learning_rate": LEARNING_RATE,
                "check_steps": CHECK_STEPS,
                "check_tolerance": CHECK_TOLERANCE,
                "process_per": "implementation (both models)"
                if args.quick
                else "implementation and model",
                "sweep_batch_width": SWEEP_BATCH_WIDTH,
                "cores": cores,
                "pinning": results[0]["cpu_use"]["pinning"] if results else None,
                "cpu_tolerance": cpu.CPU_TOLERANCE,
            },
            "cpu_share": shares,
            "starved": starved,
            "machine_check": {"before": before, "after": after, "allow_load": args.allow_load},
            "under_load": under_load,
            "load_average": {
                "before": loads[0],
                "after": loads[-1],
                "max_1min": max(load[0] for load in loads),
                "samples_1min": [load[0] for load in loads],
                "limit_during": limit_during,
            },
            "note": args.note,
            "duration_s": round(time.perf_counter() - started, 1),
            "correctness": correctness,
            "results": results,
            "sweep": sweep,
            "explain": explained,
        }
        errors = [f"{r['device']} {r['impl']} {r['model']}: {r['error']}" for r in results]
        errors = [e for e, r in zip(errors, results, strict=True) if r["error"]]
        errors += [
            f"sweep {r['impl']} {r['hidden']}:{r['batch']}: {r['error']}"
            for r in sweep
            if r.get("error")
        ]
        if errors:
            log("\n".join(errors))
        log(f"[bench] {device}: {result_set['duration_s']} s, load {loads[0]} -> {loads[-1]}")
        if under_load:
            log("[bench] these results are marked as taken under load")
        written += write(result_set, args.out)
    for path in written:
        log(f"[bench] wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
