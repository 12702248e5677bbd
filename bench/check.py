"""The correctness check: every implementation, started from the same weights on the same data, reaches
the same loss after CHECK_STEPS steps of plain SGD (within CHECK_TOLERANCE).

`bench.run` applies it before timing (a worker whose loss is off is not timed); the tests run it on
every implementation except torch.compile (whose compilation alone takes longer than the whole check):

    python -m bench.check            # all implementations, both models; exit status 1 on a mismatch
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .common import CHECK_STEPS, CHECK_TOLERANCE, IMPLS, MODELS, REFERENCE_IMPL, available
from .worker import MARKER

ROOT = Path(__file__).resolve().parents[1]


def worker_env(family: str, device: str, threads: int) -> dict[str, str]:
    """A clean environment for one worker: its Keras backend, its devices, its thread count."""
    env = {k: v for k, v in os.environ.items() if k != "KERAS_BACKEND"}
    if family.startswith("keras-"):
        env["KERAS_BACKEND"] = family.removeprefix("keras-")
    if device == "cpu":
        env["CUDA_VISIBLE_DEVICES"] = ""  # every framework on the CPU, even on a GPU machine
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env[name] = str(threads)
    env["TF_CPP_MIN_LOG_LEVEL"] = "2"
    if family == "keras-jax":  # JAX reads its threads and devices from the environment, at import
        if device == "cpu":
            env["JAX_PLATFORMS"] = "cpu"
        if threads == 1:  # fewer threads asked of XLA; the pinning (bench.cores) is what holds
            flags = "--xla_cpu_multi_thread_eigen=false"  # it to its cores, and the check proves it
            env["XLA_FLAGS"] = " ".join(filter(None, [env.get("XLA_FLAGS"), flags]))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def start_worker(
    family: str, args: list[str], device: str = "cpu", threads: int = 1, cores=None, cache=None
) -> subprocess.Popen:
    """A worker process; `cores`: the cores it pins itself to (default: `bench.cores.choose`);
    `cache`: a torch.compile cache folder to use and keep (default: an empty one, removed after)."""
    env = worker_env(family, device, threads)
    # An empty torch.compile cache for every process: its time to first step is a script's first run.
    kept = cache is not None
    cache = cache if kept else tempfile.mkdtemp(prefix="bench-inductor-")
    env["TORCHINDUCTOR_CACHE_DIR"] = cache
    argv = [sys.executable, "-m", "bench.worker", "--family", family, "--device", device]
    argv += ["--threads", str(threads), "--spawn-time", repr(time.time()), *args]
    argv += ["--cores", ",".join(map(str, cores))] if cores else []
    process = subprocess.Popen(
        argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    process.cache_dir = None if kept else cache
    return process


def finish_worker(process: subprocess.Popen, timeout: float = 600) -> dict:
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        stdout, stderr = process.communicate()
    finally:
        if process.cache_dir:
            shutil.rmtree(process.cache_dir, ignore_errors=True)
    for line in stdout.splitlines():
        if line.startswith(MARKER):
            return json.loads(line.removeprefix(MARKER))
    raise RuntimeError(
        f"worker {' '.join(process.args[3:6])} failed (exit {process.returncode}):\n{stderr[-3000:]}"
    )


def run_worker(
    family: str,
    args: list[str],
    device: str = "cpu",
    threads: int = 1,
    timeout: float = 600,
    cores=None,
    cache=None,
) -> dict:
    return finish_worker(start_worker(family, args, device, threads, cores, cache), timeout)


def families(impls) -> dict[str, list[str]]:
    """{worker family: impl specs}: one process per Keras backend; PyTorch shares TensorFlow's."""
    by_family: dict[str, list[str]] = {}
    for spec in impls:
        by_family.setdefault(IMPLS[spec.split(":")[0]].family, []).append(spec)
    if "torch" in by_family and "keras-tensorflow" in by_family:  # one process fewer: PyTorch runs
        by_family["keras-tensorflow"] += by_family.pop("torch")  # next to TensorFlow (no clash)
    return by_family


def check_args(specs: list[str], models) -> list[str]:
    return ["--mode", "check", "--impls", ",".join(specs), "--models", ",".join(models)]


def collect_losses(results: list[dict], models) -> dict[str, dict[str, float]]:
    losses: dict[str, dict[str, float]] = {model: {} for model in models}
    for result in results:
        for run in result["runs"]:
            if "error" in run:
                raise RuntimeError(f"{run['impl']} on {run['model']}: {run['error']}")
            losses[run["model"]][run["impl"]] = run["check_loss"]
    return losses


def check_losses(
    impls, models=tuple(MODELS), device: str = "cpu", threads: int = 1
) -> dict[str, dict[str, float]]:
    """{model: {impl: loss after CHECK_STEPS steps}}; one worker per family, the workers side by side."""
    started = [
        start_worker(family, check_args(specs, models), device, threads)
        for family, specs in families(impls).items()
    ]
    return collect_losses([finish_worker(process) for process in started], models)


def mismatches(losses: dict[str, dict[str, float]], reference: str = REFERENCE_IMPL) -> list[str]:
    """One line per implementation whose loss differs from the reference's by more than the tolerance."""
    found = []
    for model, by_impl in losses.items():
        expected = by_impl[reference]
        for impl, loss in by_impl.items():
            if abs(loss - expected) > CHECK_TOLERANCE:
                found.append(
                    f"{model}: {impl} loss {loss:.6f} != {reference} {expected:.6f} "
                    f"after {CHECK_STEPS} SGD steps (|diff| {abs(loss - expected):.2e} > {CHECK_TOLERANCE})"
                )
    return found


def main() -> int:
    losses = check_losses(available())
    for model, by_impl in losses.items():
        for impl, loss in by_impl.items():
            print(f"{model:4} {impl:14} {loss:.7f}")
    problems = mismatches(losses)
    print("\n".join(problems) or f"all equal within {CHECK_TOLERANCE} after {CHECK_STEPS} steps")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
