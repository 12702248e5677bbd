"""Tabs proven equivalent (tests/gate/equivalence.py): a tab group opted in with one comment line passes
when its tabs compute the same thing from the same weights, and fails, located, when one tab differs.

One throwaway site, one page per case; the gate runs on it once (as in test_gate.py).
"""

import textwrap

import pytest

from tests.test_gate import FENCE, failures_of, run_gate

# One pytest-xdist worker runs the module: its throwaway site is built and run once, not once per worker.
pytestmark = pytest.mark.xdist_group("gate-equivalence")

TORCH_MLP = """\
import torch
from torch import nn

model = nn.Sequential(nn.Linear(6, 4), nn.ReLU(), nn.Linear(4, 3))
print(model(torch.zeros(1, 6)).shape)
"""


def keras_mlp(activation: str = "relu", hidden: int = 4) -> str:
    return textwrap.dedent(
        f"""\
        import keras

        model = keras.Sequential(
            [
                keras.Input(shape=(6,)),
                keras.layers.Dense({hidden}, activation="{activation}"),
                keras.layers.Dense(3),
            ]
        )
        print(model.count_params())
        """
    )


TORCH_CNN = """\
import torch
from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 2, 3, padding=1), nn.BatchNorm2d(2), nn.ReLU(), nn.Conv2d(2, 3, 3)
)
print(model(torch.zeros(1, 1, 6, 6)).shape)
"""

KERAS_CNN = """\
import keras

model = keras.Sequential(
    [
        keras.Input(shape=(6, 6, 1)),
        keras.layers.Conv2D(2, 3, padding="same"),
        keras.layers.BatchNormalization(epsilon=1e-5),  # PyTorch's; Keras's is 1e-3
        keras.layers.ReLU(),
        keras.layers.Conv2D(3, 3),
    ]
)
print(model.count_params())
"""

TF_MODULE = """\
import tensorflow as tf


class Dense(tf.Module):
    def __init__(self, n_in, n_out, activation=tf.identity):
        super().__init__()
        self.w = tf.Variable(tf.zeros((n_in, n_out)))
        self.b = tf.Variable(tf.zeros((n_out,)))
        self.activation = activation

    def __call__(self, x):
        return self.activation(x @ self.w + self.b)


class Net(tf.Module):
    def __init__(self):
        super().__init__()
        self.hidden = Dense(6, 4, tf.nn.relu)
        self.out = Dense(4, 3)

    def __call__(self, x):
        return self.out(self.hidden(x))


model = Net()
print(len(model.trainable_variables), model(tf.zeros((1, 6))).shape)
"""


def group(comment: str, tabs: dict[str, str]) -> str:
    """A page: the comment line, then one tab per (label, snippet path)."""
    body = f"# A page\n\nSome prose.\n\n{comment}\n"
    for label, path in tabs.items():
        body += f'=== "{label}"\n\n    {FENCE}python\n    --8<-- "{path}"\n    {FENCE}\n\n'
    return body + "Prose after the tabs.\n"


MLP_COMMENT = "<!-- gate: equivalent-tabs model=model inputs=(5, 6) -->"
PAGES = {
    "agree": (
        group(
            MLP_COMMENT,
            {
                "PyTorch": "snippets/agree/torch_mlp.py",
                "Keras": "snippets/agree/keras_mlp.py",
                "TensorFlow": "snippets/agree/tf_module.py",
            },
        ),
        {
            "snippets/agree/torch_mlp.py": TORCH_MLP,
            "snippets/agree/keras_mlp.py": keras_mlp(),
            "snippets/agree/tf_module.py": TF_MODULE,
        },
    ),
    "conv-agree": (
        group(
            "<!-- gate: equivalent-tabs model=model inputs=(2, 6, 6, 1) -->",
            {"PyTorch": "snippets/conv/torch_cnn.py", "Keras": "snippets/conv/keras_cnn.py"},
        ),
        {"snippets/conv/torch_cnn.py": TORCH_CNN, "snippets/conv/keras_cnn.py": KERAS_CNN},
    ),
    "activation-differs": (
        group(
            MLP_COMMENT,
            {"PyTorch": "snippets/differs/torch_mlp.py", "Keras": "snippets/differs/keras_tanh.py"},
        ),
        {
            "snippets/differs/torch_mlp.py": TORCH_MLP,
            "snippets/differs/keras_tanh.py": keras_mlp("tanh"),
        },
    ),
    "shape-differs": (
        group(
            MLP_COMMENT,
            {"PyTorch": "snippets/shape/torch_mlp.py", "Keras": "snippets/shape/keras_wide.py"},
        ),
        {
            "snippets/shape/torch_mlp.py": TORCH_MLP,
            "snippets/shape/keras_wide.py": keras_mlp(hidden=5),
        },
    ),
    "no-inputs": (
        group(
            "<!-- gate: equivalent-tabs model=model -->",
            {
                "PyTorch": "snippets/noinputs/torch_mlp.py",
                "Keras": "snippets/noinputs/keras_mlp.py",
            },
        ),
        {
            "snippets/noinputs/torch_mlp.py": TORCH_MLP,
            "snippets/noinputs/keras_mlp.py": keras_mlp(),
        },
    ),
}


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[str, list[str]]:
    preload = ("numpy", "torch", "tensorflow", "keras")
    return run_gate(tmp_path_factory.mktemp("equivalence-site"), PAGES, preload=preload)


def check_of(verdicts, page: str) -> str:
    return failures_of(verdicts, f"docs.{page}.md::line 5: tabs equivalent")


def test_tabs_that_compute_the_same_pass(verdicts):
    """Linear <-> Dense (transposed), a hand-made tf.Module, Conv2d <-> Conv2D (OIHW <-> HWIO, NCHW
    inputs), BatchNorm2d <-> BatchNormalization: the same weights give the same outputs. (With Keras's
    default epsilon, 1e-3 where PyTorch's is 1e-5, the conv tabs differ by 6e-4: the check fails.)"""
    assert check_of(verdicts, "agree") == ""
    assert check_of(verdicts, "conv-agree") == ""
    for page in ("agree", "conv-agree"):
        assert failures_of(verdicts, f"docs.{page}.md::line ") == ""


def test_a_tab_whose_model_differs_fails_with_the_page_line_tab_and_difference(verdicts):
    message = check_of(verdicts, "activation-differs")
    assert "docs/activation-differs.md:5" in message
    assert 'tab "Keras" (snippets/differs/keras_tanh.py) disagrees with tab "PyTorch"' in message
    assert "max |difference|" in message
    # The examples themselves ran fine: only the check fails.
    for example in (
        "line 8 [snippets/differs/torch_mlp.py]",
        "line 14 [snippets/differs/keras_tanh",
    ):
        assert failures_of(verdicts, f"docs.activation-differs.md::{example}") == ""


def test_a_tab_with_other_weights_fails_layer_by_layer(verdicts):
    message = check_of(verdicts, "shape-differs")
    assert 'tab "Keras" (snippets/shape/keras_wide.py) has other weights' in message
    assert "Linear(kernel (6, 4), bias (4,))" in message and "Dense(kernel (6, 5)" in message


def test_a_comment_without_inputs_is_a_located_problem(verdicts):
    message = failures_of(verdicts, "docs.no-inputs.md::line 5: equivalent-tabs")
    assert "docs/no-inputs.md:5" in message and "inputs=(batch, ...) is required" in message
