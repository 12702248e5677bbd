"""The benchmarks page says what its results files say: the summary sentences, the flags and the
GPU columns are computed from them at build time (hooks/benchmarks.py), `make bench` refuses a
busy machine (bench/machine.py), and a run in which an implementation used more cores than the
others writes nothing (bench/cores.py). Pure Python on small JSON, fake clocks where time is
involved: no framework is imported, nothing is timed."""

import copy
import json
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

from bench import charts, cores, machine, run, worker
from bench.common import IMPLS, MODELS, PLANS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
import benchmarks as hook  # noqa: E402


def stats(median: float) -> dict:
    return {"median": median, "q1": median * 0.95, "q3": median * 1.05, "min": median * 0.9,
            "max": median * 1.1, "n": 5}  # fmt: skip


def result(impl: str, model: str, rate: float, build_s: float = 0.1, first_s: float = 0.01):
    return {
        "impl": impl, "model": model, "device": "cpu", "error": None, "info": {},
        "train_samples_per_s": stats(rate),
        "latency_ms": {"1": stats(0.1), "64": stats(1.0)},
        "ttfs_s_samples": [2.0], "ttfs_fresh_process": True, "peak_rss_mib": 500.0,
        "cuda_peak_mib": None, "peak_memory_scope": model, "check_loss": 2.29,
        "ttfs_breakdown": {"startup_s": 0.1, "import_s": 1.0, "build_s": build_s,
                           "first_step_s": first_s},
        "cpu": {"first_step": {"wall_s": first_s, "cpu_s": first_s},
                "train": {"wall_s": 1.0, "cpu_s": 0.99}},
        "cpu_use": {"cores": [1], "pinning": "os.sched_setaffinity", "os_threads": 3},
    }  # fmt: skip


RATES = {  # samples/s: tf.function fastest; both compiled implementations lose on the CNN
    "torch-eager": {"mlp": 100_000, "cnn": 20_000},
    "torch-compile": {"mlp": 80_000, "cnn": 5_000},
    "tf-function": {"mlp": 120_000, "cnn": 25_000},
    "tf-xla": {"mlp": 119_000, "cnn": 8_000},
}


def result_set(rates=RATES, device: str = "cpu", label: str = "Test CPU, 2 CPUs") -> dict:
    plan = PLANS["full"]
    results = [
        result(impl, model, rate, build_s=5.0 if impl == "torch-compile" else 0.1)
        for impl, by_model in rates.items()
        for model, rate in by_model.items()
    ]
    for r in results:
        r["device"] = device
    return {
        "schema": 3,
        "machine": {"slug": run.slugify(label), "label": label, "cpu": "Test CPU",
                    "logical_cpus": 2, "memory_gib": 8, "gpus": [], "os": "Linux"},
        "device": device,
        "versions": {"python": "3.11"},
        "date": "2026-11-27T00:00:00+00:00",
        "plan": plan.__dict__,
        "impls": {k: {"label": IMPLS[k].label, "how": IMPLS[k].how} for k in rates},
        "models": dict(MODELS),
        "settings": {"batch_size": 64, "dtype": "float32", "threads": 1, "thread_settings": {},
                     "learning_rate": 0.05, "check_steps": 5, "check_tolerance": 1e-5,
                     "process_per": "implementation and model", "sweep_batch_width": 128,
                     "cores": [1], "pinning": "os.sched_setaffinity", "cpu_tolerance": 0.1},
        "machine_check": None,
        "under_load": False,
        "load_average": {"before": [0.1, 0.1, 0.1], "after": [0.9, 0.5, 0.2], "max_1min": 0.9,
                         "samples_1min": [0.1, 0.9]},
        "note": "",
        "duration_s": 600.0,
        "correctness": [{"model": m, "device": device, "reference": "torch-eager",
                         "losses": {k: 2.29 for k in rates}, "max_abs_diff": 0.0, "passed": True}
                        for m in MODELS],
        "results": results,
        "sweep": [],
        "explain": None,
    }  # fmt: skip


def render(docs: Path) -> str:
    page = types.SimpleNamespace(file=types.SimpleNamespace(src_uri=hook.PAGE))
    markdown = (ROOT / "docs" / hook.PAGE).read_text()
    return hook.on_page_markdown(markdown, page, {"docs_dir": str(docs)}, None)


def write(docs: Path, rs: dict) -> None:
    charts.write_results(rs, docs / "benchmarks")
    charts.write_charts(rs, docs / "benchmarks")


def test_the_summary_changes_with_the_committed_results(tmp_path):
    """The committed results file, copied: slow its fastest implementation down, the words follow.
    A file without CPU time names no fastest implementation; given CPU time, it does."""
    shutil.copytree(ROOT / "docs" / "benchmarks", tmp_path / "benchmarks")
    path = sorted((tmp_path / "benchmarks" / "results").glob("*.json"))[0]
    data = json.loads(path.read_text())
    if not hook.cpu_recorded(data):
        text = render(tmp_path)
        assert "Equal CPU use not shown" in text and "**MLP**:" not in text
        for r in data["results"]:
            r["cpu"] = {"train": {"wall_s": 1.0, "cpu_s": 1.0}}
        data["settings"] |= {"cores": [1], "pinning": "os.sched_setaffinity", "cpu_tolerance": 0.1}
        path.write_text(json.dumps(data))
    before = render(tmp_path)
    mlp = [r for r in data["results"] if r["model"] == "mlp" and r.get("train_samples_per_s")]
    fastest = max(mlp, key=lambda r: r["train_samples_per_s"]["median"])
    label = data["impls"][fastest["impl"]]["label"]
    assert f"**MLP**: {label} " in before  # fastest, or first of two not told apart
    for key in ("median", "q1", "q3", "min", "max"):
        fastest["train_samples_per_s"][key] /= 100
    path.write_text(json.dumps(data))
    after = render(tmp_path)
    assert f"**MLP**: {label} " not in after
    assert before != after


def test_compilation_pays_off_after_the_computed_number_of_steps(tmp_path):
    rates = copy.deepcopy(RATES)
    write(tmp_path, result_set(rates))
    text = render(tmp_path)
    assert "PyTorch torch.compile on the CNN trains at 0.25× the throughput" in text
    assert "does not pay off here" in text
    assert '!!! warning "Unexplained results"' in text  # nothing explains it in this set
    # torch.compile now 2x faster than eager on the CNN: 64/20000 - 64/40000 = 1.6 ms saved per
    # step; its build + first step cost 5.01 s against 0.11 s: paid back after 4.9/0.0016 steps.
    rates["torch-compile"]["cnn"] = 40_000
    write(tmp_path, result_set(rates))
    text = render(tmp_path)
    assert "PyTorch torch.compile on the CNN trains 2.0× faster than PyTorch eager" in text
    assert "pays that back after about 3,100 steps" in text


def width_sweep(compiled_at_4096: float) -> list[dict]:
    """An MLP width sweep, 128 and 4096, where torch.compile trains at 80% of eager at width 128 and at
    `compiled_at_4096` samples/s (eager: 1,000) at width 4096."""
    rates = {"torch-eager": {128: 100_000, 4096: 1_000},
             "torch-compile": {128: 80_000, 4096: compiled_at_4096}}  # fmt: skip
    return [
        {"device": "cpu", "impl": impl, "hidden": width, "batch": 64,
         "train_samples_per_s": stats(rate)}
        for impl, by_width in rates.items()
        for width, rate in by_width.items()
    ]  # fmt: skip


def test_an_explained_loss_is_explained_and_not_flagged(tmp_path):
    rs = result_set()
    rs["explain"] = {
        "model": "cnn",
        "torch": {"eager_train_ms": 4.0, "compiled_train_ms": 10.0,
                  "compiled_pools_in_aten_train_ms": 4.2, "graphs": 2, "recompiles": 0,
                  "compiled_kernels": [{"name": "cpp_fused_max_pool2d", "ms_per_step": 3.0}]},
        "tf-onednn": {"tf-function_train_ms": 3.5, "tf-xla_train_ms": 10.0,
                      "tf-function_infer_ms": 1.4, "tf-xla_infer_ms": 3.8},
        "tf-no-onednn": {"tf-function_train_ms": 9.6, "tf-xla_train_ms": 9.8,
                         "tf-function_infer_ms": 4.0, "tf-xla_infer_ms": 3.8},
    }  # fmt: skip
    # torch.compile's gap on the MLP closes as the width grows: about the same time lost per step
    rs["sweep"] = width_sweep(compiled_at_4096=998)
    write(tmp_path, rs)
    text = render(tmp_path)
    assert "**Why PyTorch torch.compile on the CNN loses.**" in text
    assert "left to ATen's kernels (`torch.compiler.disable`), 4.20 ms" in text
    assert "**Why TensorFlow XLA on the CNN loses.**" in text
    assert "**Why PyTorch torch.compile on the MLP loses.**" in text
    assert "About the same time lost per step at both widths" in text
    assert "Unexplained results" not in text
    assert (tmp_path / "benchmarks/charts/test-cpu-2-cpus-cpu-sweep-width.svg").is_file()


def test_a_gap_that_only_narrows_with_width_is_flagged_not_explained(tmp_path):
    rs = result_set()
    # torch.compile loses more time per step at 4096 than at 128: no fixed cost
    rs["sweep"] = width_sweep(compiled_at_4096=950)
    write(tmp_path, rs)
    text = render(tmp_path)
    assert "**How the gap of PyTorch torch.compile on the MLP changes with width.**" in text
    assert "so this sweep does not say why" in text
    assert "Why PyTorch torch.compile on the MLP loses" not in text
    warning = text[text.index('!!! warning "Unexplained results"') :]
    assert "PyTorch torch.compile on the MLP" in warning


def test_gpu_results_sit_beside_cpu_results(tmp_path):
    write(tmp_path, result_set())
    gpu_rates = {k: v for k, v in RATES.items() if k.startswith("torch-")}  # no TensorFlow there
    write(tmp_path, result_set(gpu_rates, device="cuda", label="GPU box, 16 CPUs, H100"))
    text = render(tmp_path)
    header = next(line for line in text.splitlines() if ": CUDA, MLP |" in line)
    assert "GPU box, 16 CPUs, H100: CUDA, CNN" in header and "Test CPU, 2 CPUs: CPU, MLP" in header
    assert "### GPU box, 16 CPUs, H100: CUDA" in text
    row = next(line for line in text.splitlines() if line.startswith("| TensorFlow XLA | "))
    assert row.count("| – ") == 2  # measured on the CPU machine only


def test_a_loaded_run_is_marked(tmp_path):
    rs = result_set()
    rs["under_load"] = True
    write(tmp_path, rs)
    assert text_count(render(tmp_path), '!!! danger "Taken under load"') == 2  # summary + section


def text_count(text: str, needle: str) -> int:
    return text.count(needle)


def test_make_bench_refuses_a_busy_machine(monkeypatch, capsys):
    monkeypatch.setattr(machine.os, "getloadavg", lambda: (9.0, 8.0, 7.0))
    go, check = machine.preflight(allow_load=False, wait_s=0, log=print)
    assert not go and "1-minute load average 9.00" in check["busy"][0]
    go, _ = machine.preflight(allow_load=True, wait_s=0, log=print)
    assert go
    monkeypatch.setenv("BENCH_ALLOW_LOAD", "0")
    assert run.main(["--wait", "0", "--impls", "torch-eager"]) == 3
    assert "refusing to measure" in capsys.readouterr().err


@pytest.mark.parametrize("key", sorted(charts.SWEEPS))
def test_the_sweep_chart_has_a_line_per_implementation(key):
    rs = result_set()
    rs["sweep"] = [
        {"device": "cpu", "impl": impl, "hidden": w, "batch": b, "train_samples_per_s": stats(r)}
        for impl, r in (("torch-eager", 1000.0), ("tf-function", 2000.0))
        for w, b in ((128, 64), (4096, 64), (128, 1), (128, 1024))
    ]
    svg = charts.sweep_svg(rs, key)
    assert svg.count("<title>PyTorch eager</title>") == 1
    assert svg.count("<title>TensorFlow tf.function</title>") == 1


def test_a_new_run_replaces_the_older_format(tmp_path):
    """`make bench` rewrites docs/benchmarks/: results files of older formats and their charts go."""
    out = tmp_path / "benchmarks"
    shutil.copytree(ROOT / "docs" / "benchmarks", out)
    legacy = {"schema": 1, "machine": {"slug": "old-box"}}
    (out / "results" / "old-box.json").write_text(json.dumps(legacy))
    old_chart = out / "charts" / charts.chart_name("old-box", "cpu", "train")
    old_chart.write_text("<svg/>")
    written = run.write(result_set(), out)
    assert all(p.is_file() for p in written)
    assert not (out / "results" / "old-box.json").exists() and not old_chart.exists()
    for path in (out / "results").glob("*.json"):  # schema 2 has no CPU time: replaced too
        assert json.loads(path.read_text())["schema"] >= 3


def test_no_fastest_is_named_without_cpu_time(tmp_path):
    rs = result_set()
    for r in rs["results"]:
        del r["cpu"]
    write(tmp_path, rs)
    text = render(tmp_path)
    assert '!!! warning "Equal CPU use not shown"' in text
    assert "**MLP**:" not in text and "**CNN**:" not in text
    assert "CPU time was not recorded in this result set" in text


def test_the_fastest_is_named_with_its_cpu_use_shown(tmp_path):
    write(tmp_path, result_set())
    text = render(tmp_path)
    assert "**CNN**: TensorFlow tf.function trains fastest, 25,000 samples/s" in text
    assert "every process ran on the same core (1, `os.sched_setaffinity`)" in text
    assert "| PyTorch eager | 3 | 0.99 | 0.99 |" in text


def test_no_winner_when_quartiles_overlap_or_the_sweep_disagrees(tmp_path):
    rates = copy.deepcopy(RATES)
    rates["torch-eager"]["cnn"] = 24_000  # tf.function 25,000: quartiles (x0.95-x1.05) overlap
    rs = result_set(rates)
    # the sweep measures the benchmarked MLP (width 128, batch 64) again: PyTorch eager ahead
    rs["sweep"] = [
        {"device": "cpu", "impl": impl, "hidden": 128, "batch": 64,
         "train_samples_per_s": stats(rate)}
        for impl, rate in (("torch-eager", 121_000), ("tf-function", 118_000),
                           ("tf-xla", 117_000))
    ]  # fmt: skip
    write(tmp_path, rs)
    text = render(tmp_path)
    assert "trains fastest," not in text
    # the sweep puts TensorFlow XLA behind tf.function, as the main run does: only the quartiles
    assert (
        "**MLP**: TensorFlow tf.function and TensorFlow XLA are not told apart (120,000 and "
        "119,000 samples/s): their quartiles overlap. PyTorch torch.compile is slowest, at 0.67× the "
        "throughput of TensorFlow tf.function."
    ) in text
    assert "**CNN**: TensorFlow tf.function and PyTorch eager are not told apart" in text


def test_the_sweep_alone_can_refuse_a_winner(tmp_path):
    rates = copy.deepcopy(RATES)
    rates["tf-xla"]["mlp"] = 90_000  # clear of tf.function's quartiles; next: PyTorch eager
    rates["torch-eager"]["mlp"] = 100_000
    rs = result_set(rates)
    rs["sweep"] = [
        {"device": "cpu", "impl": impl, "hidden": 128, "batch": 64,
         "train_samples_per_s": stats(rate)}
        for impl, rate in (("torch-eager", 125_000), ("tf-function", 118_000))
    ]  # fmt: skip
    write(tmp_path, rs)
    text = render(tmp_path)
    assert (
        "**MLP**: TensorFlow tf.function and PyTorch eager are not told apart (120,000 and "
        "100,000 samples/s): the sweep, which measures the same model at the same batch size again, puts "
        "PyTorch eager ahead (125,000 against 118,000 samples/s)."
    ) in text


def test_the_first_step_cost_is_the_median_of_the_fresh_runs(tmp_path):
    rs = result_set()
    for r in rs["results"]:
        builds = [14.0, 10.0, 11.0] if r["impl"] == "torch-compile" else [0.3, 0.2, 0.25]
        r["ttfs_runs"] = [
            {"startup_s": 0.1, "import_s": 1.0, "build_s": b, "first_step_s": 0.5, "ttfs_s": 2.0}
            for b in builds
        ]
        if r["impl"] == "torch-compile":  # one more process, with the cache the last one left
            r["ttfs_warm_cache"] = {"startup_s": 0.1, "import_s": 1.0, "build_s": 3.0,
                                    "first_step_s": 0.5, "ttfs_s": 4.6}  # fmt: skip
    write(tmp_path, rs)
    text = render(tmp_path)
    # medians: 11.5 s against 0.75 s; the first run alone would say 14.5 - 0.8 = 13.7 s
    assert (
        "its first step costs 10.8 s more (median of 3 fresh runs), 2.75 s more with the compile "
        "cache an earlier run left" in text
    )
    assert "| PyTorch torch.compile, compile cache of an earlier run | MLP | 4.60 | 1 |" in text


def test_arithmetic_and_overhead_follow_from_the_sweep(tmp_path):
    rs = result_set()
    rates = {"torch-eager": {128: 100_000, 4096: 6_000}, "keras-fit": {128: 20_000, 4096: 5_000}}
    rs["impls"]["keras-fit"] = {"label": IMPLS["keras-fit"].label, "how": IMPLS["keras-fit"].how}
    rs["sweep"] = [
        {"device": "cpu", "impl": impl, "hidden": width, "batch": 64,
         "train_samples_per_s": stats(rate)}
        for impl, by_width in rates.items()
        for width, rate in by_width.items()
    ]  # fmt: skip
    for point in rs["sweep"]:
        point["cpu"] = {"train": {"wall_s": 1.0, "cpu_s": 0.97 if point["hidden"] == 128 else 1.0}}
    write(tmp_path, rs)
    text = render(tmp_path)
    assert "checked as for the main measurements: PyTorch eager 0.97–1.00; Keras fit" in text
    # PyTorch eager: 26.2 MFLOP in 0.64 ms at width 128 (40.9 GFLOP/s); 837.8 MFLOP in 10.67 ms
    # at width 4096 (78.5 GFLOP/s): 26.2 MFLOP take 0.333 ms at the better rate, 52% of the step.
    assert (
        "PyTorch eager: 0.640 ms per step at width 128, whose 26 MFLOP take 0.333 ms at the 78.5 "
        "GFLOP/s it reaches at width 4096: 52% arithmetic, 0.307 ms around it."
    ) in text
    assert (
        "At width 128, more than half of the step is time around the arithmetic for Keras fit "
        "(TensorFlow); at least half is arithmetic for PyTorch eager."
    ) in text


class FakeClocks:
    """The clocks of a process whose `busy` threads all compute: CPU time runs `busy` times as fast
    as wall time. Each training step "takes" 10 ms and each inference call 1 ms, of wall time."""

    def __init__(self, busy: int):
        self.now, self.busy = 0.0, busy

    def wall(self) -> float:
        return self.now

    def cpu(self) -> float:
        return self.now * self.busy


class FakeRunner:
    def __init__(self, clocks: FakeClocks):
        self.clocks = clocks

    def prepare(self, x, y):
        return len(x) // 64

    def epoch(self, steps: int) -> None:
        self.clocks.now += 0.01 * steps

    def prepare_infer(self, x):
        return x

    def infer(self, x) -> None:
        self.clocks.now += 0.001


def fake_measurement(monkeypatch, busy: int) -> dict:
    """A bench-mode record of a fake implementation, measured by the worker's own code."""
    clocks = FakeClocks(busy)
    monkeypatch.setattr(cores.Clock, "wall", staticmethod(clocks.wall))
    monkeypatch.setattr(cores.Clock, "cpu", staticmethod(clocks.cpu))
    measured = worker.measure(FakeRunner(clocks), "mlp", PLANS["quick"])
    out = {"import_s": 1.0, "cores": [1], "pinning": "os.sched_setaffinity", "os_threads": busy}
    run_ = {"model": "mlp", "cpu": measured.pop("cpu"), **measured}
    return run.record("keras-jax", "cpu", run_, out, fresh=False, group=["mlp"])


@pytest.mark.parametrize("busy", [1, 2])
def test_the_cpu_check_fails_an_implementation_with_two_busy_threads_on_one_core(monkeypatch, busy):
    found = run.unequal_cpu([fake_measurement(monkeypatch, busy)], [], n_cores=1)
    if busy == 1:
        assert found == []
    else:
        assert found and all("2.00 cores busy on average" in line for line in found)
        assert found[0].startswith("keras-jax mlp, train: ")


def test_a_run_with_an_implementation_on_more_cores_writes_nothing(monkeypatch, tmp_path, capsys):
    """bench.run with fake workers: Keras on JAX kept 2 cores busy on the 1 it was given."""

    def fake_worker(family, args, device="cpu", threads=1, timeout=600, cores=None):
        impl, models = args[args.index("--impls") + 1], args[args.index("--models") + 1]
        busy = 2.0 if impl == "keras-jax" else 0.99
        runs = [
            result(impl, model, 1000.0) | {"ttfs_s": 2.0, "build_s": 0.1, "first_step_s": 0.01,
                                           "cpu": {"train": {"wall_s": 1.0, "cpu_s": busy}}}
            for model in models.split(",")
        ]  # fmt: skip
        return {"import_s": 1.0, "startup_s": 0.1, "threads": {}, "cores": cores,
                "pinning": "os.sched_setaffinity", "os_threads": 4, "runs": runs}  # fmt: skip

    monkeypatch.setattr(run, "run_worker", fake_worker)
    monkeypatch.setattr(run, "available", lambda wanted: wanted)
    monkeypatch.setattr(run.idle, "preflight", lambda *a: (True, {"busy": [], "max_load": 1.0}))
    out = tmp_path / "benchmarks"
    argv = ["--impls", "torch-eager,keras-jax", "--quick", "--no-sweep", "--devices", "cpu"]
    assert run.main([*argv, "--out", str(out)]) == cores.UNEQUAL_CPU_EXIT_STATUS
    err = capsys.readouterr().err
    assert "keras-jax mlp, train: 2.000 s of CPU in 1.000 s of wall time" in err
    assert "torch-eager" not in err.split("more cores than it was given:")[1]
    assert not out.exists()


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity on this OS")
def test_pinning_reaches_the_threads_already_running():
    """numpy's BLAS threads start before a worker pins itself: `pin` moves them too."""
    script = (
        "import os, threading\n"
        "from bench import cores\n"
        "stop = threading.Event()\n"
        "waiting = threading.Thread(target=stop.wait)\n"
        "waiting.start()\n"
        "core = cores.choose(1)\n"
        "cores.pin(core)\n"
        "late = threading.Thread(target=stop.wait)\n"
        "late.start()\n"
        "tasks = os.listdir('/proc/self/task')\n"
        "print(len(tasks), sorted({tuple(os.sched_getaffinity(int(t))) for t in tasks}) == "
        "[tuple(core)])\n"
        "stop.set()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["3", "True"]


def test_load_from_other_processes_marks_a_run():
    """On 2 CPUs with 1 thread, the limit is 1.5 (it was the idle limit + 2 x threads + 0.5 = 3.5,
    which let about 2.5 foreign cores go unflagged); and a pinned worker that got 80% of its core
    is a candidate for starvation on the CPU (on a GPU the host thread may wait), which bench.run
    counts only when the load or the calibration loop also saw other work."""
    assert run.load_limit_during(1) == 1.5
    assert run.load_limit_during(4) == 4.5
    shares = {"torch-eager": 0.99, "keras-jax": 0.8}
    assert run.starved_impls(shares, "cpu") == {"keras-jax": 0.8}
    assert run.starved_impls(shares, "cuda") == {}
