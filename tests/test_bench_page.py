"""The benchmarks page says what its results files say: the summary sentences, the flags and the
GPU columns are computed from them at build time (hooks/benchmarks.py), and `make bench` refuses a
busy machine (bench/machine.py). Pure Python on small JSON: no framework is imported, no timing."""

import copy
import json
import shutil
import sys
import types
from pathlib import Path

import pytest

from bench import charts, machine, run
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
        "schema": 2,
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
                     "process_per": "implementation and model", "sweep_batch_width": 128},
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
    """The committed results file, copied: slow its fastest implementation down, the words follow."""
    shutil.copytree(ROOT / "docs" / "benchmarks", tmp_path / "benchmarks")
    before = render(tmp_path)
    path = sorted((tmp_path / "benchmarks" / "results").glob("*.json"))[0]
    data = json.loads(path.read_text())
    mlp = [r for r in data["results"] if r["model"] == "mlp" and r.get("train_samples_per_s")]
    fastest = max(mlp, key=lambda r: r["train_samples_per_s"]["median"])
    assert f"{data['impls'][fastest['impl']]['label']} trains fastest" in before
    for key in ("median", "q1", "q3", "min", "max"):
        fastest["train_samples_per_s"][key] /= 100
    path.write_text(json.dumps(data))
    after = render(tmp_path)
    assert f"**MLP**: {data['impls'][fastest['impl']]['label']} trains fastest" not in after
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
    """`make bench` rewrites docs/benchmarks/: a results file of the older format and its charts go."""
    out = tmp_path / "benchmarks"
    shutil.copytree(ROOT / "docs" / "benchmarks", out)
    legacy = {"schema": 1, "machine": {"slug": "old-box"}}
    (out / "results" / "old-box.json").write_text(json.dumps(legacy))
    old_chart = out / "charts" / charts.chart_name("old-box", "cpu", "train")
    old_chart.write_text("<svg/>")
    written = run.write(result_set(), out)
    assert all(p.is_file() for p in written)
    assert not (out / "results" / "old-box.json").exists() and not old_chart.exists()
    for path in (out / "results").glob("*.json"):
        assert json.loads(path.read_text())["schema"] >= 2
