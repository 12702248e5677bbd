"""A script that loads TensorFlow (itself or through Keras) and then builds a PyTorch optimizer or
compiles aborts with a CUDA build of PyTorch, whose Triton brings a second LLVM (porting/index.md,
Gotchas). The gate's warm workers import `torch._dynamo` before TensorFlow, so they cannot see it:
this test reads the examples instead. The examples that do both import `torch._dynamo` first."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LOADS_TENSORFLOW = re.compile(r"^(?:import|from) (?:tensorflow|keras)\b", re.M)
LOADS_TRITON = re.compile(r"\btorch\.(?:optim|compile)\b|\.compile\(\)")
TRITON_FIRST = re.compile(r"^import torch\._dynamo\b", re.M)
DEMONSTRATION = ROOT / "snippets" / "porting" / "gotcha_tensorflow_before_triton.py"  # in a string
SNIPPETS = sorted(
    p
    for p in (ROOT / "snippets").rglob("*.py")
    if p != DEMONSTRATION
    and LOADS_TENSORFLOW.search(p.read_text(encoding="utf-8"))
    and "KERAS_BACKEND" not in p.read_text(encoding="utf-8")  # torch/jax backends load no TF first
    and LOADS_TRITON.search(p.read_text(encoding="utf-8"))
)


@pytest.mark.parametrize("snippet", SNIPPETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_that_use_both_load_triton_before_tensorflow(snippet):
    code = snippet.read_text(encoding="utf-8")
    tensorflow_at = LOADS_TENSORFLOW.search(code).start()
    triton = TRITON_FIRST.search(code)
    assert triton and triton.start() < tensorflow_at, (
        f"{snippet.relative_to(ROOT)} loads TensorFlow, then builds a PyTorch optimizer or compiles: "
        "with a CUDA build of PyTorch the process aborts. Import torch._dynamo before Keras or "
        "TensorFlow, with the comment the other examples carry (porting/index.md, Gotchas)."
    )


def test_the_check_sees_the_examples_it_guards():
    assert any("porting/defaults/default_lr.py" in str(p) for p in SNIPPETS)
