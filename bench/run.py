"""Run the benchmarks and rewrite docs/benchmarks/results/<machine>.json and the SVG charts.

    python -m bench.run            # make bench: every implementation, both models, CPU (and CUDA if present)
    python -m bench.run --quick    # make bench-quick: fewer repeats, one process per implementation

One result file per machine (CPU model, core count, GPU): results from several machines sit side by
side, and the page (hooks/benchmarks.py) renders them all.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from . import charts
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
)

OUT = ROOT / "docs" / "benchmarks"
SCHEMA = 1


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
    for package in ("torch", "tensorflow", "keras", "numpy"):
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


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


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
        "peak_rss_mib": run.get("peak_rss_mib"),
        "cuda_peak_mib": run.get("cuda_peak_mib"),
        "peak_memory_scope": ",".join(group),
        "check_loss": run.get("check_loss"),
    }


def bench_device(device, impls, models, groups, plan, n_threads, threads, loads) -> list[dict]:
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
            out = run_worker(family, args, device, n_threads)
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
            for _ in range(plan.ttfs_runs - 1):
                args = worker_args([impl], [model], "ttfs", plan.name, {})
                run = run_worker(family, args, device, n_threads)["runs"][0]
                for r in results:
                    if (r["impl"], r["model"]) == (impl, model) and "ttfs_s" in run:
                        r["ttfs_s_samples"].append(run["ttfs_s"])
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
    parser.add_argument("--impls", default=",".join(IMPLS))
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
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)

    plan = PLANS["quick" if args.quick else "full"]
    impls = [REFERENCE_IMPL] + [i for i in args.impls.split(",") if i != REFERENCE_IMPL]
    models = args.models.split(",")
    machine = machine_info(args.machine)
    devices = (
        ["cpu", "cuda"] if args.devices == "auto" and machine["gpus"] else args.devices.split(",")
    )
    devices = ["cpu"] if devices == ["auto"] else devices
    started, loads = time.perf_counter(), [load_average()]
    # quick: one process per implementation runs both models (the second model's time to first step is
    # not measured: the process is no longer fresh); full: one fresh process per (impl, model).
    groups = [models] if args.quick else [[m] for m in models]

    results, correctness, threads = [], [], {}
    for device in devices:
        results += bench_device(device, impls, models, groups, plan, args.threads, threads, loads)
        correctness += check_summary(results, device, models)

    loads.append(load_average())
    result_set = {
        "schema": SCHEMA,
        "machine": machine,
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
        },
        "load_average": {
            "before": loads[0],
            "after": loads[-1],
            "max_1min": max(load[0] for load in loads),
            "samples_1min": [load[0] for load in loads],
        },
        "note": args.note,
        "duration_s": round(time.perf_counter() - started, 1),
        "correctness": correctness,
        "results": results,
    }
    errors = [
        f"{r['device']} {r['impl']} {r['model']}: {r['error']}" for r in results if r["error"]
    ]
    print("\n".join(errors), file=sys.stderr)
    print(f"[bench] {result_set['duration_s']} s, load {loads[0]} -> {loads[-1]}", file=sys.stderr)
    failed = [c for c in correctness if not c["passed"]]
    if failed:  # never publish timings of implementations that do not compute the same thing
        for c in failed:
            print(f"[bench] correctness check failed: {c}", file=sys.stderr)
        print("[bench] results NOT written", file=sys.stderr)
        return 1
    for path in [
        charts.write_results(result_set, args.out),
        *charts.write_charts(result_set, args.out),
    ]:
        print(
            f"[bench] wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
