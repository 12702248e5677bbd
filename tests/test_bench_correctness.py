"""The benchmarks compare like with like: every implementation in bench/ (PyTorch eager, Keras fit on
TensorFlow, on PyTorch and, when JAX is installed, on JAX, TensorFlow's tf.function loop with and
without XLA), started from the same weights, reaches the same loss on the same data after a few
steps of plain SGD.

`make bench` runs each framework's bench.worker in its own subprocess. Here the same workers run in the
gate's warm workers (tests/gate/runner.py: forked, with the frameworks already imported), which saves
importing TensorFlow and PyTorch twice more. torch.compile is left out here: compiling alone takes longer
than the whole check; `make bench` checks it before timing.
"""

import json
import os
from pathlib import Path

import pytest

from bench import cores, run
from bench.check import check_args, collect_losses, families, mismatches
from bench.common import CHECK_STEPS, CHECK_TOLERANCE, MODELS, REFERENCE_IMPL, available
from bench.worker import MARKER, PERTURBED_SUFFIX
from tests.gate.plugin import RUNNER

ROOT = Path(__file__).resolve().parents[1]

CHECKED = [impl for impl in available() if impl != "torch-compile"]  # Keras on JAX: if installed
PERTURBED = REFERENCE_IMPL + PERTURBED_SUFFIX
# Both tests on the pytest-xdist worker that already holds the Keras-on-PyTorch warm worker.
pytestmark = pytest.mark.xdist_group("keras-torch")

WORKER_SCRIPT = """\
import os
os.environ["KERAS_BACKEND"] = {backend!r}
os.environ["CUDA_VISIBLE_DEVICES"] = ""  # the check runs on the CPU, as make bench's CPU check does
import runpy
import sys
sys.path.insert(0, {root!r})
sys.argv = ["bench.worker", *{args!r}]
runpy.run_module("bench.worker", run_name="__main__")
"""


def run_bench_worker(runner, family: str, args: list[str]) -> dict:
    backend = family.removeprefix("keras-") if family.startswith("keras-") else "tensorflow"
    args = ["--family", family, "--device", "cpu", "--threads", "1", *args]
    script = WORKER_SCRIPT.format(backend=backend, root=str(ROOT), args=args)
    outcome = runner.run(script, "bench_worker.py", timeout=300)
    assert outcome.status == "passed", f"{family}: {outcome.error}\n{outcome.stderr[-3000:]}"
    line = next(x for x in outcome.stdout.splitlines() if x.startswith(MARKER))
    return json.loads(line.removeprefix(MARKER))


@pytest.fixture(scope="module")
def losses(request) -> dict[str, dict[str, float]]:
    runner = request.config.stash[RUNNER]
    results = [
        run_bench_worker(runner, family, check_args(specs, MODELS))
        for family, specs in families([*CHECKED, PERTURBED]).items()
    ]
    return collect_losses(results, MODELS)


def test_every_implementation_reaches_the_reference_loss(losses):
    for model in MODELS:
        assert set(losses[model]) == {*CHECKED, PERTURBED}
    same_weights = {m: {k: v for k, v in by.items() if k != PERTURBED} for m, by in losses.items()}
    problems = mismatches(same_weights)
    assert not problems, f"after {CHECK_STEPS} steps, tolerance {CHECK_TOLERANCE}:\n" + "\n".join(
        problems
    )


def test_the_check_notices_perturbed_weights(losses):
    """The same reference implementation, from slightly perturbed weights: the check must fail."""
    pairs = {
        m: {REFERENCE_IMPL: by[REFERENCE_IMPL], PERTURBED: by[PERTURBED]}
        for m, by in losses.items()
    }
    assert len(mismatches(pairs)) == len(MODELS), pairs


def test_a_timed_worker_is_pinned_and_records_its_cpu_time(request):
    """A real worker in bench mode (the quick plan, PyTorch eager, the MLP) pins itself to the core
    it is given before anything is timed, and records CPU time beside wall time for every timed
    region. Pinned to one core, a process cannot use more than one core's time, so the check passes
    whatever the machine's load: no speed is asserted."""
    core = cores.choose(1)
    args = ["--mode", "bench", "--plan", "quick", "--impls", REFERENCE_IMPL, "--models", "mlp"]
    out = run_bench_worker(request.config.stash[RUNNER], "torch", [*args, "--cores", str(core[0])])
    (result,) = out["runs"]
    assert "error" not in result, result["error"]
    if hasattr(os, "sched_setaffinity"):
        assert (out["cores"], out["pinning"]) == (core, "os.sched_setaffinity")
    assert set(result["cpu"]) == {"first_step", "train", "latency1", "latency64"}
    assert all(r["cpu_s"] > 0 and r["wall_s"] > 0 for r in result["cpu"].values())
    assert out["os_threads"] is None or out["os_threads"] >= 1
    record = run.record(REFERENCE_IMPL, "cpu", result, out, fresh=False, group=["mlp"])
    assert run.unequal_cpu([record], [], n_cores=1) == []
