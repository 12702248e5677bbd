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
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def losses(request) -> dict[str, dict[str, float]]:
    runner = request.config.stash[RUNNER]
    results = []
    for family, specs in families([*CHECKED, PERTURBED]).items():
        backend = family.removeprefix("keras-") if family.startswith("keras-") else "tensorflow"
        args = ["--family", family, "--device", "cpu", "--threads", "1", *check_args(specs, MODELS)]
        script = WORKER_SCRIPT.format(backend=backend, root=str(ROOT), args=args)
        outcome = runner.run(script, "bench_worker.py", timeout=300)
        assert outcome.status == "passed", f"{family}: {outcome.error}\n{outcome.stderr[-3000:]}"
        line = next(x for x in outcome.stdout.splitlines() if x.startswith(MARKER))
        results.append(json.loads(line.removeprefix(MARKER)))
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
