"""Why the compiled implementations lose on the CNN on a CPU: the measurements behind the page's words.

    python -m bench.explain     # make bench-explain: prints the evidence (about a minute or two)

`make bench` runs the same measurements (on the CPU, when PyTorch and TensorFlow are both installed)
and stores them in the results file; the page's explanation is generated from them.

Each part runs in its own process, one thread, CNN, batch 64, the benchmark's own runners:

- `torch`: a training step of PyTorch eager; of torch.compile as benchmarked; of torch.compile with
  the two max-pool layers left to ATen (`torch.compiler.disable` on their `forward`): if that variant is
  as fast as eager, the loss is in the code Inductor generates for max-pooling. Also: the number of
  graphs Dynamo compiled (recompiles would show here), and Inductor's kernels by time
  (`torch._inductor.config.cpp.enable_kernel_profile`, read with `torch.profiler`).
- `tf`: a training step and a forward pass (batch 64) of tf.function and of XLA, in a process with
  TensorFlow's oneDNN kernels on (the default on x86) and in one with them off
  (`TF_ENABLE_ONEDNN_OPTS=0`): if tf.function without oneDNN falls to XLA's speed, the gap is oneDNN's
  convolutions, which XLA's CPU code does not use.

Times are CPU time of the process per step (`time.process_time`), the median of a few repeats: on one
thread it equals wall time on an idle machine, and it is less disturbed by other processes. Each part
is pinned to the benchmark's cores (`bench.cores.pin`), as the workers are.
"""

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time

from . import cores as cpu
from .check import ROOT, worker_env
from .common import LEARNING_RATE, batches, initial_weights

MARKER = "EXPLAIN_RESULT "
MODEL = "cnn"


def possible() -> bool:
    return all(importlib.util.find_spec(p) for p in ("torch", "tensorflow", "keras"))


def per_step_ms(runner, steps: int, repeats: int) -> float:
    """Median CPU milliseconds per training step over `repeats` epochs of `steps` steps."""
    runner.epoch(runner.prepare(*batches(MODEL, 5, seed=2)))
    data = runner.prepare(*batches(MODEL, steps, seed=3))
    times = []
    for _ in range(repeats):
        t = time.process_time()
        runner.epoch(data)
        times.append((time.process_time() - t) * 1e3 / steps)
    return sorted(times)[len(times) // 2]


def infer_ms(runner, calls: int) -> float:
    x = runner.prepare_infer(batches(MODEL, 1, seed=4)[0])
    for _ in range(5):
        runner.infer(x)
    t = time.process_time()
    for _ in range(calls):
        runner.infer(x)
    return (time.process_time() - t) * 1e3 / calls


def torch_part(steps: int, repeats: int) -> dict:
    from . import torch_impl

    torch_impl.configure(1, "cpu")
    import torch
    import torch._dynamo
    import torch._inductor.config
    from torch._dynamo.utils import counters

    torch._inductor.config.cpp.enable_kernel_profile = True  # names each generated kernel
    weights = initial_weights(MODEL)
    out = {}

    def runner(impl):
        return torch_impl.TorchRunner(impl, MODEL, weights, "cpu", LEARNING_RATE)

    eager = runner("torch-eager")
    out["eager_train_ms"] = per_step_ms(eager, steps, repeats)
    out["eager_infer_ms"] = infer_ms(eager, steps)

    compiled = runner("torch-compile")
    t = time.perf_counter()
    compiled.epoch(compiled.prepare(*batches(MODEL, 1, seed=1)))
    out["compile_first_step_s"] = time.perf_counter() - t
    out["compiled_train_ms"] = per_step_ms(compiled, steps, repeats)
    out["compiled_infer_ms"] = infer_ms(compiled, steps)
    out["graphs"] = counters["stats"]["unique_graphs"]  # train + inference: 2 if nothing recompiled
    out["recompiles"] = sum(counters["recompiles"].values())
    data = compiled.prepare(*batches(MODEL, 10, seed=3))
    with torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU]) as prof:
        compiled.epoch(data)
    kernels, events = [], prof.key_averages()
    total = sum(event.self_cpu_time_total for event in events) or 1.0
    for event in events:
        name = event.key
        if name.startswith("graph_") and "_cpp_fused_" in name:
            name = name.split("_", 2)[2]  # drop "graph_<n>_"
        elif not name.startswith("aten::"):
            continue
        kernels.append({
            "name": name,
            "ms_per_step": event.self_cpu_time_total / 1e3 / 10,
            "share": event.self_cpu_time_total / total,  # of all profiled time in the steps
        })  # fmt: skip
    kernels.sort(key=lambda k: -k["ms_per_step"])
    out["compiled_kernels"] = kernels[:6]

    torch._dynamo.reset()
    pools_in_aten = runner("torch-compile")
    for layer in pools_in_aten.net:
        if isinstance(layer, torch.nn.MaxPool2d):
            layer.forward = torch.compiler.disable(layer.forward)
    out["compiled_pools_in_aten_train_ms"] = per_step_ms(pools_in_aten, steps, repeats)
    return out


def tf_part(steps: int, repeats: int) -> dict:
    from . import keras_impl

    keras_impl.configure(1, "cpu")
    out = {}
    for impl in ("tf-function", "tf-xla"):
        runner = keras_impl.TFLoopRunner(impl, MODEL, initial_weights(MODEL), "cpu", LEARNING_RATE)
        out[f"{impl}_train_ms"] = per_step_ms(runner, steps, repeats)
        out[f"{impl}_infer_ms"] = infer_ms(runner, steps)
    return out


PARTS = {  # name: (family, extra environment)
    "torch": ("torch", {}),
    "tf-onednn": ("keras-tensorflow", {"TF_ENABLE_ONEDNN_OPTS": "1"}),
    "tf-no-onednn": ("keras-tensorflow", {"TF_ENABLE_ONEDNN_OPTS": "0"}),
}


def run_part(part: str, quick: bool, cores: list[int]) -> dict:
    family, extra = PARTS[part]
    env = worker_env(family, "cpu", 1) | extra
    env["TORCHINDUCTOR_CACHE_DIR"] = os.path.join(
        os.environ.get("TMPDIR", "/tmp"), f"bench-explain-{os.getpid()}"
    )
    argv = [sys.executable, "-m", "bench.explain", "--part", part]
    argv += ["--cores", ",".join(map(str, cores))]
    try:
        proc = subprocess.run(
            argv + (["--quick"] if quick else []),
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
        )  # fmt: skip
    finally:
        shutil.rmtree(env["TORCHINDUCTOR_CACHE_DIR"], ignore_errors=True)
    for line in proc.stdout.splitlines():
        if line.startswith(MARKER):
            return json.loads(line.removeprefix(MARKER))
    raise RuntimeError(f"bench.explain --part {part} failed:\n{proc.stderr[-3000:]}")


def collect(quick: bool = False, log=print, cores: list[int] | None = None) -> dict:
    started = time.perf_counter()
    cores = cores or cpu.choose(1)
    found = {"model": MODEL, "batch_size": 64, "threads": 1, "time": "process CPU ms per step"}
    found["cores"] = cores
    for part in PARTS:
        t = time.perf_counter()
        found[part] = run_part(part, quick, cores)
        log(f"[bench] explain {part}: {time.perf_counter() - t:.1f} s")
    found["duration_s"] = round(time.perf_counter() - started, 1)
    return found


def report(found: dict) -> str:
    t, on, off = found["torch"], found["tf-onednn"], found["tf-no-onednn"]
    return "\n".join([
        f"CNN, batch {found['batch_size']}, 1 thread; CPU ms per training step (forward, batch 64):",
        f"  PyTorch eager                      {t['eager_train_ms']:7.2f}  ({t['eager_infer_ms']:.2f})",
        f"  torch.compile                      {t['compiled_train_ms']:7.2f}  "
        f"({t['compiled_infer_ms']:.2f})  first step {t['compile_first_step_s']:.1f} s",
        f"  torch.compile, max-pool in ATen    {t['compiled_pools_in_aten_train_ms']:7.2f}",
        f"  graphs compiled {t['graphs']} (train + inference), recompiles {t['recompiles']}",
        "  torch.compile's kernels by time (ms per step): "
        + ", ".join(f"{k['name']} {k['ms_per_step']:.2f}" for k in t["compiled_kernels"]),
        "  (kernel times from torch.profiler: wall time, inflated on a busy machine)",
        f"  tf.function, oneDNN on / off       {on['tf-function_train_ms']:7.2f} / "
        f"{off['tf-function_train_ms']:.2f}  ({on['tf-function_infer_ms']:.2f} / "
        f"{off['tf-function_infer_ms']:.2f})",
        f"  XLA,         oneDNN on / off       {on['tf-xla_train_ms']:7.2f} / "
        f"{off['tf-xla_train_ms']:.2f}  ({on['tf-xla_infer_ms']:.2f} / "
        f"{off['tf-xla_infer_ms']:.2f})",
    ])  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=sorted(PARTS))
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--cores", default="", help="cores to pin a part to")
    args = parser.parse_args(argv)
    steps, repeats = (10, 3) if args.quick else (30, 5)
    if args.part:
        cpu.pin([int(c) for c in args.cores.split(",")] if args.cores else cpu.choose(1))
        part = torch_part if args.part == "torch" else tf_part
        print(MARKER + json.dumps(part(steps, repeats)), flush=True)
        return 0
    if not possible():
        print("bench.explain needs PyTorch, TensorFlow and Keras", file=sys.stderr)
        return 1
    found = collect(log=lambda text: print(text, file=sys.stderr, flush=True))
    print(report(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
