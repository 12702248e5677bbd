"""One fresh process per framework/backend: `python -m bench.worker --family torch --impls ... --models ...`.

The parent (bench.run or bench.check) sets the environment first: KERAS_BACKEND, CUDA_VISIBLE_DEVICES
(empty for CPU runs), OMP_NUM_THREADS, quiet TensorFlow logs. Prints one line `BENCH_RESULT {json}`.

Modes:
- `check`: for each implementation and model, CHECK_STEPS SGD steps from the shared initial weights,
  then the loss on the same data. No timing.
- `ttfs`: the same first steps, for one implementation and model, in this fresh process: reports the
  time to first step (process start + import + build + first step).
- `bench`: `ttfs`, then (if the loss matches `--expect`) warm-up, timed training, inference latency
  and peak memory.
- `sweep`: the MLP's training throughput at each `--points` width:batch (a new model per point; the
  number of steps per repeat is chosen from a first timing, to fill the plan's time budget).

Every timed region also records the CPU time of the whole process (`bench.cores.Clock`), and the
worker pins itself to `--cores` before it imports a framework (`bench.cores.pin`): the parent checks
that no implementation used more cores than it was given.
"""

import argparse
import json
import resource
import sys
import time

from . import cores as cpu
from .common import (
    BATCH_SIZE,
    CHECK_STEPS,
    CHECK_TOLERANCE,
    LEARNING_RATE,
    PLANS,
    batches,
    cross_entropy,
    initial_weights,
    perturbed,
    summary,
)

MARKER = "BENCH_RESULT "
PERTURBED_SUFFIX = ":perturbed"


def peak_rss_mib() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 2**20 if sys.platform == "darwin" else rss / 2**10  # bytes on macOS, KiB on Linux


def first_steps(
    runner_cls, impl: str, model: str, device: str, perturb: bool
) -> tuple[object, dict]:
    """Build from the shared weights, one step (timed: the first), the rest of the check, the loss."""
    weights = initial_weights(model)
    if perturb:
        weights = perturbed(weights)
    with cpu.Clock() as build:
        runner = runner_cls(impl, model, weights, device, LEARNING_RATE)
        x, y = batches(model, CHECK_STEPS, seed=1)
        first = runner.prepare(x[:BATCH_SIZE], y[:BATCH_SIZE])
    with cpu.Clock() as step:
        runner.epoch(first)
    first_step_done = time.time()
    runner.epoch(runner.prepare(x[BATCH_SIZE:], y[BATCH_SIZE:]))
    record = {
        "check_loss": cross_entropy(runner.logits(x), y),
        "build_s": build.wall_s,
        "first_step_s": step.wall_s,
        "first_step_done": first_step_done,
        "info": runner.info(),
        "cpu": {"first_step": step.record()},
    }
    return runner, record


def measure(runner, model: str, plan) -> dict:
    runner.epoch(runner.prepare(*batches(model, plan.warmup_steps, seed=2)))
    data = runner.prepare(*batches(model, plan.steps_per_repeat, seed=3))
    rates, train = timed_repeats(runner, data, plan.repeats, plan.steps_per_repeat * BATCH_SIZE)
    regions = {"train": train}
    x, _ = batches(model, 1, seed=4)
    latency = {}
    for batch_size in (1, BATCH_SIZE):
        inputs = runner.prepare_infer(x[:batch_size])
        for _ in range(plan.latency_warmup):
            runner.infer(inputs)
        times = []
        with cpu.Clock() as calls:
            for _ in range(plan.latency_calls):
                t = cpu.Clock.wall()
                runner.infer(inputs)
                times.append((cpu.Clock.wall() - t) * 1e3)
        latency[str(batch_size)] = summary(times)
        regions[f"latency{batch_size}"] = calls.record()
    return {"train_samples_per_s": summary(rates), "latency_ms": latency, "cpu": regions}


def timed_repeats(runner, data, repeats: int, samples: int) -> tuple[list[float], dict]:
    """`repeats` epochs over `data`: samples/s of each, and the wall and CPU time of them all."""
    rates, total = [], cpu.Clock()
    for _ in range(repeats):
        with cpu.Clock() as one:
            runner.epoch(data)
        rates.append(samples / one.wall_s)
        total.wall_s += one.wall_s
        total.cpu_s += one.cpu_s
    return rates, total.record()


def error_text(error: Exception) -> str:
    return f"{type(error).__name__}: {(str(error).strip().splitlines() or [''])[0][:300]}"


def sweep_point(runner_cls, impl: str, device: str, hidden: int, batch: int, plan) -> dict:
    """Training throughput of the MLP of width `hidden` at batch size `batch`."""
    if impl == "torch-compile":  # a fresh compile per point, as a script with that shape would get
        import torch._dynamo

        torch._dynamo.reset()  # and never the recompile limit, past which Dynamo runs eagerly
        from torch._dynamo.utils import counters

        graphs_before = counters["stats"]["unique_graphs"]
    runner = runner_cls(impl, "mlp", initial_weights("mlp", hidden=hidden), device, LEARNING_RATE)
    runner.batch_size = batch
    warm = runner.prepare(*batches("mlp", 3, seed=2, batch_size=batch))
    with cpu.Clock() as first:
        runner.epoch(warm)  # compiles, where there is something to compile
    with cpu.Clock() as again:
        runner.epoch(warm)
    per_step = again.wall_s / 3
    steps = plan.sweep_budget_s / plan.sweep_repeats / per_step
    steps = int(min(max(steps, plan.sweep_min_steps), 500))
    data = runner.prepare(*batches("mlp", steps, seed=3, batch_size=batch))
    runner.epoch(data)
    rates, train = timed_repeats(runner, data, plan.sweep_repeats, steps * batch)
    record = {"hidden": hidden, "batch": batch, "steps_per_repeat": steps, "first_s": first.wall_s}
    record["train_samples_per_s"] = summary(rates)
    record["cpu"] = {"train": train}
    if (
        impl == "torch-compile"
    ):  # graphs compiled for this point: 1 (the training step) if all is well
        from torch._dynamo.utils import counters

        record["graphs"] = counters["stats"]["unique_graphs"] - graphs_before
    return record


def main(argv=None) -> int:
    ready = time.time()
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--family", required=True, choices=["torch", "keras-tensorflow", "keras-torch", "keras-jax"]
    )
    parser.add_argument(
        "--impls", required=True, help="comma-separated; `impl:perturbed` perturbs the weights"
    )
    parser.add_argument("--models", default="mlp,cnn")
    parser.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument(
        "--cores", default="", help="comma-separated cores to pin to (default: bench.cores.choose)"
    )
    parser.add_argument("--mode", default="check", choices=["check", "ttfs", "bench", "sweep"])
    parser.add_argument("--points", default="", help="sweep: `width:batch,...`")
    parser.add_argument("--plan", default="quick", choices=sorted(PLANS))
    parser.add_argument(
        "--spawn-time", type=float, default=None, help="time.time() when the parent spawned us"
    )
    parser.add_argument(
        "--expect", default="", help="reference losses, `mlp=2.29,cnn=2.29` (bench mode)"
    )
    args = parser.parse_args(argv)
    expect = {m: float(v) for m, v in (item.split("=") for item in args.expect.split(",") if item)}

    specs = args.impls.split(",")
    impls = [spec.removesuffix(PERTURBED_SUFFIX) for spec in specs]
    # Before any framework starts its threads: they (and any process they start) inherit the cores.
    if args.mode == "check":  # nothing timed: the correctness check runs wherever it is started
        cores, pinning = [], "not pinned: correctness check, nothing timed"
    else:
        cores = [int(c) for c in args.cores.split(",")] if args.cores else cpu.choose(args.threads)
        pinning = cpu.pin(cores)
    t = time.perf_counter()
    # Bench runs are one implementation per process. A check may also run PyTorch eager in a Keras
    # process (one import of torch fewer): each framework is configured once, whichever imports it.
    runners, threads, frameworks = {}, {}, {}
    if args.family.startswith("keras-"):
        from . import keras_impl

        runners |= keras_impl.RUNNERS
        threads |= keras_impl.configure(args.threads, args.device)
        frameworks["keras"] = keras_impl
    if args.family in ("torch", "keras-torch") or any(i.startswith("torch-") for i in impls):
        from . import torch_impl

        runners |= {"torch-eager": torch_impl.TorchRunner, "torch-compile": torch_impl.TorchRunner}
        threads |= torch_impl.configure(args.threads, args.device)
        frameworks["torch"] = torch_impl
    import_s = time.perf_counter() - t

    out = {
        "family": args.family,
        "device": args.device,
        "import_s": import_s,
        "threads": threads,
        "cores": cores,
        "pinning": pinning,
        "runs": [],
    }
    if args.spawn_time is not None:
        out["startup_s"] = ready - args.spawn_time
    if args.mode == "sweep":
        out["sweep"] = []
        for impl in impls:
            for point in args.points.split(","):
                hidden, batch = (int(v) for v in point.split(":"))
                try:
                    record = sweep_point(
                        runners[impl], impl, args.device, hidden, batch, PLANS[args.plan]
                    )
                except Exception as error:  # reported to the parent, which shows it
                    record = {"hidden": hidden, "batch": batch, "error": error_text(error)}
                out["sweep"].append({"impl": impl, **record})
        out["os_threads"] = cpu.os_threads()
        print(MARKER + json.dumps(out), flush=True)
        return 0
    for spec, impl in zip(specs, impls, strict=True):
        perturb = spec.endswith(PERTURBED_SUFFIX)
        for model in args.models.split(","):
            record = {"impl": spec, "model": model}
            out["runs"].append(record)
            try:
                runner, first = first_steps(runners[impl], impl, model, args.device, perturb)
                record.update(first)
                if args.spawn_time is not None and len(out["runs"]) == 1:  # a fresh process only
                    record["ttfs_s"] = first["first_step_done"] - args.spawn_time
                if args.mode != "bench":
                    continue
                if model in expect and abs(record["check_loss"] - expect[model]) > CHECK_TOLERANCE:
                    record["error"] = (
                        f"correctness: loss {record['check_loss']:.6f} after {CHECK_STEPS} steps, "
                        f"reference {expect[model]:.6f} (tolerance {CHECK_TOLERANCE}): not timed"
                    )
                    continue
                measured = measure(runner, model, PLANS[args.plan])
                record["cpu"] |= measured.pop("cpu")
                record.update(measured)
                record["peak_rss_mib"] = peak_rss_mib()
                memory = frameworks["torch" if impl.startswith("torch-") else "keras"]
                record["cuda_peak_mib"] = memory.cuda_peak_mib() if args.device == "cuda" else None
            except Exception as error:  # reported to the parent, which shows it
                record["error"] = error_text(error)
    out["os_threads"] = cpu.os_threads()
    print(MARKER + json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
