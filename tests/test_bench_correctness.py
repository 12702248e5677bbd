"""The benchmarks compare like with like: every implementation in bench/ (PyTorch eager, Keras fit on
TensorFlow and on PyTorch, TensorFlow's tf.function loop with and without XLA), started from the same
weights, reaches the same loss on the same data after a few steps of plain SGD.

Each framework runs in its own subprocess (bench.worker), as `make bench` runs them. torch.compile is
left out here: compiling alone takes longer than the whole check; `make bench` checks it before timing.
"""

import pytest

from bench.check import check_losses, mismatches
from bench.common import CHECK_STEPS, CHECK_TOLERANCE, IMPLS, MODELS, REFERENCE_IMPL
from bench.worker import PERTURBED_SUFFIX

CHECKED = [impl for impl in IMPLS if impl != "torch-compile"]
PERTURBED = REFERENCE_IMPL + PERTURBED_SUFFIX
# One worker runs both tests, so the module's fixture (two framework processes) runs once.
pytestmark = pytest.mark.xdist_group("bench")


@pytest.fixture(scope="module")
def losses() -> dict[str, dict[str, float]]:
    return check_losses([*CHECKED, PERTURBED])


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
