"""The gate catches every kind of bad contribution, with a message that names the page, line and snippet.

One throwaway site holds one bad page per case (plus a good one). The gate runs on it once, in a
subprocess, and each test below reads the verdict on its own page from the JUnit XML report.
"""

import os
import re
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.gate.runner import keras_backend_of

# One pytest-xdist worker runs this module: its throwaway site (the `verdicts` fixture) is then run once,
# not once per worker.
pytestmark = pytest.mark.xdist_group("gate-throwaway")

REPO = Path(__file__).resolve().parents[1]

# The site's own hook that makes checked sources expire; notebook sites add NOTEBOOKS_YML.
MKDOCS_YML = f"""\
site_name: Throwaway
theme:
  name: material
validation:
  nav: {{omitted_files: warn, not_found: warn}}
  links: {{not_found: warn, anchors: warn, unrecognized_links: warn}}
hooks:
  - {REPO / "hooks" / "sources.py"}
markdown_extensions:
  - admonition
  - pymdownx.details
  - pymdownx.highlight: {{pygments_lang_class: true}}
  - pymdownx.superfences
  - pymdownx.tabbed: {{alternate_style: true}}
  - pymdownx.snippets: {{base_path: ["."], check_paths: true}}
nav:
"""
# What renders notebooks on the site: hooks/notebooks.py runs them, mkdocs-jupyter shows them.
NOTEBOOKS_YML = """\
plugins:
  - search
  - mkdocs-jupyter: {include: ["*.ipynb"], execute: false, include_source: true}
"""
# The build date the tests give hooks/sources.py: a fact checked 2027-06 is fresh, 2026-11 expired.
SOURCES_TODAY = "2028-01-15"

FENCE = "```"

# What the tensors really are: an example given a backend picked by an earlier one (or a leaked
# KERAS_BACKEND) would print another type.
BACKEND_PROBE = (
    "import keras\n\nx = keras.ops.ones(2)\nprint(keras.config.backend(), type(x).__name__)\n"
)
JAX_ARRAY_PROBE = "import jax\n\nprint('a jax.Array:', isinstance(x, jax.Array))\n"
TORCH_TENSOR_PROBE = "import torch\n\nprint('a torch.Tensor:', isinstance(x, torch.Tensor))\n"

# page name -> (Markdown, {snippet path: code}); every page but `outside-nav` goes in the nav.
PAGES = {
    "good": (
        f"""\
        # Good

        === "PyTorch"

            {FENCE}python
            --8<-- "snippets/good/prints.py"
            {FENCE}

            <!--pytest-codeblocks:expected-output-->

            {FENCE}text
            loss 0.1234
            {FENCE}

        {FENCE}console
        $ pip install nothing
        {FENCE}

        A fact with its source ([Project README, checked 2027-06](https://fresh.example/readme)).
        """,
        {"snippets/good/prints.py": "print('loss', 0.12341)  # within the output tolerance\n"},
    ),
    "raises": (
        f"""\
        # Raises

        {FENCE}python
        --8<-- "snippets/raises/boom.py"
        {FENCE}
        """,
        {"snippets/raises/boom.py": "x = 1\ny = 2\nraise ValueError('boom on line 3')\n"},
    ),
    "unrun-fences": (
        f"""\
        # Fences the tests would not run

        {FENCE}bash
        pip install something
        {FENCE}

        - a list item

            {FENCE}pycon
            >>> 1 + 1
            {FENCE}

        ~~~python
        print("tildes")
        ~~~
        """,
        {},
    ),
    "fence-styles-run": (
        f"""\
        # Attributes, py, admonitions: all run

        !!! note

            {FENCE}py title="in_admonition.py"
            raise RuntimeError("an admonition's py block with a title ran")
            {FENCE}
        """,
        {},
    ),
    "warns": (
        f"""\
        # Warns

        {FENCE}python
        --8<-- "snippets/warns/warns.py"
        {FENCE}
        """,
        {"snippets/warns/warns.py": "import warnings\n\nwarnings.warn('careful', UserWarning)\n"},
    ),
    "network": (
        f"""\
        # Network

        {FENCE}python
        --8<-- "snippets/network/download.py"
        {FENCE}
        """,
        {
            "snippets/network/download.py": "import urllib.request\n\n"
            "urllib.request.urlopen('http://example.com/data.csv', timeout=5)\n"
        },
    ),
    "network-subprocess": (
        f"""\
        # Network, from a process the example starts

        {FENCE}python
        --8<-- "snippets/network/in_subprocess.py"
        {FENCE}
        """,
        {
            "snippets/network/in_subprocess.py": "import subprocess\nimport sys\n\n"
            "fetch = \"import socket; socket.create_connection(('example.org', 80), timeout=5)\"\n"
            "subprocess.run([sys.executable, '-c', fetch], check=True)\n"
        },
    ),
    "slow": (
        f"""\
        # Slow

        <!-- pytest.mark.timeout(1) -->
        {FENCE}python
        --8<-- "snippets/slow/sleeps.py"
        {FENCE}
        """,
        {"snippets/slow/sleeps.py": "import time\n\ntime.sleep(60)\n"},
    ),
    "wrong-output": (
        f"""\
        # Wrong output

        {FENCE}python
        --8<-- "snippets/wrong_output/prints.py"
        {FENCE}

        <!--pytest-codeblocks:expected-output-->

        {FENCE}text
        shape: (64, 10)
        {FENCE}
        """,
        {"snippets/wrong_output/prints.py": "print('shape: (64, 1)')\n"},
    ),
    "isolation": (
        f"""\
        ---
        notebook: false
        ---

        # Isolation: each example runs as if alone

        {FENCE}python
        --8<-- "snippets/isolation/pollute.py"
        {FENCE}

        {FENCE}python
        --8<-- "snippets/isolation/check.py"
        {FENCE}
        """,
        {
            "snippets/isolation/pollute.py": textwrap.dedent(
                """\
                import json
                import os
                import random
                import tempfile

                import numpy as np
                import torch

                json.POLLUTED = True
                os.environ["POLLUTED"] = "1"
                random.seed(1234)
                np.random.seed(1234)
                torch.manual_seed(1234)
                torch.set_default_dtype(torch.float64)
                open("left-behind.txt", "w").close()
                open(os.path.join(tempfile.gettempdir(), "left-behind.txt"), "w").close()
                os.chdir("/")
                """
            ),
            "snippets/isolation/check.py": textwrap.dedent(
                """\
                import json
                import os
                import random
                import tempfile

                import numpy as np
                import torch

                assert not hasattr(json, "POLLUTED"), "module state leaked"
                assert "POLLUTED" not in os.environ, "environment leaked"
                assert not os.path.exists("left-behind.txt"), "files leaked"
                left_in_tmp = os.path.join(tempfile.gettempdir(), "left-behind.txt")
                assert not os.path.exists(left_in_tmp), "temporary files leaked"
                assert os.getcwd() != "/", "working directory leaked"
                # The first draws after seed 1234 (random: 0.966..., numpy: 0.191...): a leaked seed
                # would repeat them; torch's default generator must still have its start-up seed.
                assert random.random() != 0.9664535356921388, "random's seed leaked"
                assert np.random.rand() != 0.1915194503788923, "numpy's seed leaked"
                assert torch.initial_seed() != 1234, "torch's seed leaked"
                assert torch.get_default_dtype() == torch.float32, "torch's default dtype leaked"
                print("isolated")
                """
            ),
        },
    ),
    "gotchas": (
        f"""\
        # Gotchas, each with its proof

        A list before the section needs no proof:

        - an item outside the section.

        ## Gotchas

        - **Proved.** The proof runs, nested in the list item and the details block.

            ??? example "Show it"

                {FENCE}python
                --8<-- "snippets/gotchas/proved.py"
                {FENCE}

                <!--pytest-codeblocks:expected-output-->

                {FENCE}text
                proved 2
                {FENCE}

        - **Said, not shown.** A claim without its proof.
        - **Proof without output.** Shown, not checked.

            ??? example "Show it"

                {FENCE}python
                --8<-- "snippets/gotchas/unchecked.py"
                {FENCE}

        - **Wrong proof.** The output shown is checked like any other.

            ??? example "Show it"

                {FENCE}python
                --8<-- "snippets/gotchas/wrong.py"
                {FENCE}

                <!--pytest-codeblocks:expected-output-->

                {FENCE}text
                wrong 3
                {FENCE}

        ### PyTorch pitfalls

        - **In a subsection.** Checked as well.

        ## Common pitfalls

        Prose only: no item, no proof.

        ## See also

        - [Good](good.md), a list after the section.
        """,
        {
            "snippets/gotchas/proved.py": "print('proved', 1 + 1)\n",
            "snippets/gotchas/unchecked.py": "print('unchecked')\n",
            "snippets/gotchas/wrong.py": "print('wrong', 4)\n",
        },
    ),
    "uncovered": (
        f"""\
        # Lines that never run

        {FENCE}python
        --8<-- "snippets/uncovered/dead.py"
        {FENCE}
        """,
        {
            "snippets/uncovered/dead.py": textwrap.dedent(
                """\
                device = "cpu"
                if device == "cuda":
                    print("GPU-only: excluded on CPU")
                try:
                    value = int("3")
                except ValueError:
                    value = 0
                if value > 5:
                    print("unreachable")
                print(value)
                """
            )
        },
    ),
    "covered": (
        f"""\
        # Every line runs, some in a process the example starts

        {FENCE}python
        --8<-- "snippets/covered/child.py"
        {FENCE}
        """,
        {
            "snippets/covered/child.py": textwrap.dedent(
                """\
                import subprocess
                import sys

                if len(sys.argv) > 1:
                    print("in the child process")
                else:
                    subprocess.run([sys.executable, __file__, "child"], check=True)
                """
            )
        },
    ),
    "expired-fact": (
        """\
        # Facts and their sources

        Project X is maintained ([X README, checked 2026-11](https://x.example/readme)).

        A wrapped link ([Y release
        notes, checked 2026-12](https://y.example/releases)), a typo ([Z, checked 2027-13](https://z.example)).

        Not the shape ([W README (checked 2027-06)](https://w.example/readme)), nor [a checked list](good.md).

        Checked in the future ([V notes, checked 2028-02](https://v.example/notes)).
        """,
        {},
    ),
    "backends": (
        f"""\
        # One page, three Keras backends, in this order: TensorFlow, JAX, PyTorch, TensorFlow

        {FENCE}python
        --8<-- "snippets/backends/on_tensorflow.py"
        {FENCE}

        <!--pytest-codeblocks:expected-output-->

        {FENCE}text
        tensorflow EagerTensor
        {FENCE}

        {FENCE}python
        --8<-- "snippets/backends/on_jax.py"
        {FENCE}

        <!--pytest-codeblocks:expected-output-->

        {FENCE}text
        jax ArrayImpl
        a jax.Array: True
        {FENCE}

        {FENCE}python
        --8<-- "snippets/backends/on_torch.py"
        {FENCE}

        <!--pytest-codeblocks:expected-output-->

        {FENCE}text
        torch Tensor
        a torch.Tensor: True
        {FENCE}

        {FENCE}python
        --8<-- "snippets/backends/on_tensorflow_again.py"
        {FENCE}

        <!--pytest-codeblocks:expected-output-->

        {FENCE}text
        tensorflow EagerTensor
        {FENCE}
        """,
        {
            "snippets/backends/on_tensorflow.py": BACKEND_PROBE,
            "snippets/backends/on_jax.py": "import os\n\n"
            'os.environ["KERAS_BACKEND"] = "jax"\n' + BACKEND_PROBE + JAX_ARRAY_PROBE,
            "snippets/backends/on_torch.py": "import os\n\n"
            'os.environ["KERAS_BACKEND"] = "torch"\n' + BACKEND_PROBE + TORCH_TENSOR_PROBE,
            "snippets/backends/on_tensorflow_again.py": BACKEND_PROBE,
        },
    ),
    "broken-link": (
        "# Broken link\n\nSee [the missing page](nowhere.md) and [an anchor](good.md#nope).\n",
        {},
    ),
    "outside-nav": ("# Outside the nav\n", {}),
}
# A missing include stops the whole build, so it gets a site of its own.
MISSING_INCLUDE = (
    f"""\
    # Missing include

    {FENCE}python
    --8<-- "snippets/nowhere/missing.py"
    {FENCE}
    """,
    {},
)

PAGES["orphan"] = ("# A page\n", {"snippets/orphan/unused.py": "print('on no page')\n"})


def coverage_settings() -> str:
    """The [tool.coverage.*] tables of the project's pyproject.toml: a throwaway site is measured the same."""
    text = (REPO / "pyproject.toml").read_text()
    tables = re.findall(r"^\[tool\.coverage\..*?(?=^\[(?!tool\.coverage\.)|\Z)", text, re.M | re.S)
    assert tables, "pyproject.toml has no [tool.coverage.*] settings"
    return "\n" + "".join(tables)


def line_of(page: str, text: str) -> int:
    """The 1-based line of a throwaway page (as written to disk) where `text` first occurs."""
    lines = textwrap.dedent(PAGES[page][0]).splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def write_site(site: Path, pages: dict, preload: tuple[str, ...] = ()) -> None:
    nav = "".join(f"  - {name}.md\n" for name in pages if name != "outside-nav")
    (site / "mkdocs.yml").write_text(MKDOCS_YML + nav)
    (site / "docs").mkdir()
    for name, (markdown, snippets) in pages.items():
        (site / "docs" / f"{name}.md").write_text(textwrap.dedent(markdown))
        for path, code in snippets.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_text(code)
    (site / "conftest.py").write_text('pytest_plugins = ["tests.gate.plugin"]\n')
    (site / "pyproject.toml").write_text(
        '[tool.pytest.ini_options]\ntestpaths = ["mkdocs.yml", "docs"]\n'
        f"gate_preload = {list(preload)!r}\n".replace("'", '"')
        + coverage_settings()
    )


def pytest_in(site: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "NO_MKDOCS_2_WARNING": "1",
        "SOURCES_TODAY": SOURCES_TODAY,
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def run_gate(site: Path, pages: dict, preload: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Write a throwaway site with these pages, run the gate on it once: {test id: [failure messages]}."""
    write_site(site, pages, preload)
    report = site / "report.xml"
    pytest_in(site, "-p", "no:randomly", "-p", "no:xdist", f"--junitxml={report}")
    results = {}
    for case in ET.parse(report).iter("testcase"):
        test_id = f"{case.get('classname')}::{case.get('name')}"
        results[test_id] = [
            f.get("message", "") + "\n" + (f.text or "")
            for f in case
            if f.tag in ("failure", "error")
        ]
    return results


@pytest.fixture(scope="module")
def verdicts(tmp_path_factory) -> dict[str, list[str]]:
    # Preloaded as in the real suite: what an example changes in a module the worker imported before
    # forking (torch's seed and default dtype, numpy's seed) must not reach the next example.
    return run_gate(tmp_path_factory.mktemp("throwaway-site"), PAGES, preload=("numpy", "torch"))


@pytest.fixture(scope="module")
def missing_include_verdicts(tmp_path_factory) -> dict[str, list[str]]:
    pages = {"good": PAGES["good"], "missing-include": MISSING_INCLUDE}
    return run_gate(tmp_path_factory.mktemp("missing-include-site"), pages)


def failures_of(verdicts, prefix: str) -> str:
    matching = {k: v for k, v in verdicts.items() if prefix in k}
    assert matching, f"the gate collected nothing for {prefix!r}; it collected: {sorted(verdicts)}"
    return "\n".join(message for messages in matching.values() for message in messages)


def test_a_good_page_passes(verdicts):
    assert failures_of(verdicts, "docs.good") == ""


def test_an_example_that_raises_is_located(verdicts):
    message = failures_of(verdicts, "docs.raises")
    assert "docs/raises.md:3 (includes snippets/raises/boom.py)" in message
    assert "snippets/raises/boom.py:3" in message and "ValueError: boom on line 3" in message


def test_an_include_of_a_missing_file_is_located(missing_include_verdicts):
    message = failures_of(missing_include_verdicts, "docs.missing-include")
    assert "docs/missing-include.md:4" in message and "snippets/nowhere/missing.py" in message
    assert "snippets/nowhere/missing.py" in failures_of(
        missing_include_verdicts, "mkdocs build --strict"
    )


def test_blocks_the_tests_would_not_run_fail(verdicts):
    page = failures_of(verdicts, "docs.unrun-fences")
    assert "docs/unrun-fences.md:3: a ```bash block is shown but never run" in page
    assert "docs/unrun-fences.md:9: a ```pycon block is shown but never run" in page
    # Tildes are not read by pytest-codeblocks; the built HTML still shows the block, so the site check flags it.
    site = failures_of(verdicts, "every code block of the built site is run")
    assert "docs/unrun-fences.md:14: a ```python block is shown but not run" in site


def test_python_fences_with_attributes_in_admonitions_run(verdicts):
    message = failures_of(verdicts, "docs.fence-styles-run")
    assert "RuntimeError: an admonition's py block with a title ran" in message


def test_a_snippet_on_no_page_fails(verdicts):
    message = failures_of(verdicts, "every snippet file is on a page")
    assert "snippets/orphan/unused.py" in message
    assert "snippets/good/prints.py" not in message


def test_a_broken_link_or_anchor_fails_the_strict_build(verdicts):
    message = failures_of(verdicts, "mkdocs build --strict")
    assert "broken-link.md" in message and "nowhere.md" in message
    assert "#nope" in message


def test_a_page_outside_the_nav_fails_the_strict_build(verdicts):
    assert "outside-nav.md" in failures_of(verdicts, "mkdocs build --strict")


def test_an_example_that_warns_fails(verdicts):
    message = failures_of(verdicts, "docs.warns")
    assert "UserWarning: careful" in message and "snippets/warns/warns.py:3" in message


def test_an_example_that_uses_the_network_fails_clearly(verdicts):
    message = failures_of(verdicts, "docs.network")
    assert "network access is blocked" in message and "example.com" in message
    assert "snippets/network/download.py:3" in message


def test_a_process_an_example_starts_is_offline_too(verdicts):
    message = failures_of(verdicts, "docs.network-subprocess")
    assert "network access is blocked" in message and "example.org" in message
    assert "snippets/network/in_subprocess.py:5" in message


def test_an_example_past_its_time_limit_fails(verdicts):
    assert "ran past its time limit of 1.0 s" in failures_of(verdicts, "docs.slow")


def test_output_shown_on_the_page_is_checked(verdicts):
    message = failures_of(verdicts, "docs.wrong-output")
    assert "shows output the example does not print" in message and "shape: (64, 1)" in message


def test_examples_do_not_leak_state_into_each_other(verdicts):
    assert failures_of(verdicts, "docs.isolation") == ""


def test_examples_go_to_the_worker_of_the_keras_backend_they_choose(verdicts):
    """The prototype's failure: with every block exec'd in one process, a page that set KERAS_BACKEND=torch
    made a later Keras example run on the wrong backend. The gate sends each example to a warm worker
    started with the backend it selects. The `backends` page runs TensorFlow, JAX, PyTorch, then
    TensorFlow again in one session: each prints the type of the tensors it really got. The proof at
    scale is the main suite itself (random order, parallel workers)."""
    assert (
        keras_backend_of('import os\n\nos.environ["KERAS_BACKEND"] = "torch"\nimport keras\n')
        == "torch"
    )
    assert keras_backend_of("os.environ.setdefault('KERAS_BACKEND', 'jax')\n") == "jax"
    assert keras_backend_of("import keras\n") == "tensorflow"
    examples = {k: v for k, v in verdicts.items() if "docs.backends" in k}
    assert len(examples) == 4, sorted(verdicts)
    assert failures_of(verdicts, "docs.backends") == ""


def test_make_test_gpu_fails_fast_without_a_gpu(tmp_path):
    write_site(tmp_path, {"good": PAGES["good"]})
    result = pytest_in(tmp_path, "--gpu")
    output = result.stdout + result.stderr
    if result.returncode == 0:
        pytest.skip("this machine has a GPU that both frameworks see")
    assert result.returncode == 2, output[-3000:]
    assert "make test-gpu needs a GPU" in output
    assert "PyTorch sees no CUDA GPU" in output and "TensorFlow sees no GPU" in output
    assert "passed" not in output, "nothing may run before the GPU check"


def test_a_notebook_cell_that_raises_is_located(tmp_path):
    write_site(tmp_path, {"good": PAGES["good"]})
    (tmp_path / "docs" / "walkthrough.nb.yml").write_text(
        "cells:\n  - markdown: '# Walkthrough'\n  - snippet: snippets/notebook/fails.py\n"
    )
    (tmp_path / "snippets" / "notebook").mkdir()
    (tmp_path / "snippets" / "notebook" / "fails.py").write_text(
        "x = 1\nraise KeyError('in a notebook')\n"
    )
    result = pytest_in(tmp_path, "-p", "no:xdist", "docs/walkthrough.nb.yml")
    assert result.returncode == 1, result.stdout[-3000:]
    assert "docs/walkthrough.nb.yml" in result.stdout and "cell 1" in result.stdout
    assert "snippets/notebook/fails.py" in result.stdout and "KeyError" in result.stdout


def test_a_gotcha_without_its_proof_fails_with_its_line(verdicts):
    message = failures_of(verdicts, "docs.gotchas")
    for item, lacks in (
        ("**Said, not shown.**", "no `??? example` block"),
        ("**Proof without output.**", "its example shows no checked output"),
        ("**In a subsection.**", "no `??? example` block"),
    ):
        assert (
            f"docs/gotchas.md:{line_of('gotchas', item)}: Gotchas item without its proof" in message
        )
        assert lacks in message
    assert (
        f"docs/gotchas.md:{line_of('gotchas', '## Common pitfalls')}: a 'Common pitfalls'"
        in message
    )
    proved_or_outside = (
        "**Proved.**",
        "**Wrong proof.**",
        "outside the",
        "after the",
        "# Gotchas,",
    )
    for proved in proved_or_outside:
        assert f"docs/gotchas.md:{line_of('gotchas', proved)}:" not in message


def test_a_gotchas_proof_runs_nested_with_its_output_checked(verdicts):
    proved = f"docs.gotchas.md::line {line_of('gotchas', 'proved.py') - 1}"
    wrong = f"docs.gotchas.md::line {line_of('gotchas', 'wrong.py') - 1}"
    assert any(proved in test_id for test_id in verdicts), sorted(verdicts)
    assert failures_of(verdicts, proved) == ""
    message = failures_of(verdicts, wrong)
    assert "shows output the example does not print" in message and "wrong 4" in message


def test_a_snippet_line_that_never_runs_fails(verdicts):
    message = failures_of(verdicts, "docs.uncovered")
    assert "lines of the example never run" in message
    # The dead `except` branch (6-7) and the unreachable print (9); the GPU-only block (2-3) is excluded.
    assert "snippets/uncovered/dead.py:6-7, 9\n" in message
    assert 'snippets/uncovered/dead.py:9: print("unreachable")' in message
    assert "dead.py:2" not in message and "dead.py:3" not in message


def test_lines_run_in_a_process_the_example_starts_count(verdicts):
    assert failures_of(verdicts, "docs.covered") == ""


def test_an_expired_or_malformed_source_fails_the_strict_build(verdicts):
    message = failures_of(verdicts, "mkdocs build --strict")
    line = line_of("expired-fact", "X README")
    assert f"docs/expired-fact.md:{line}: fact checked 2026-11, 14 months before" in message
    assert "source to re-check: https://x.example/readme" in message
    wrapped = line_of("expired-fact", "notes, checked 2026-12")
    assert f"docs/expired-fact.md:{wrapped}: fact checked 2026-12, 13 months" in message
    assert "https://y.example/releases" in message
    assert f"docs/expired-fact.md:{wrapped}: malformed source stamp [Z, checked 2027-13]" in message
    unshaped = line_of("expired-fact", "W README")
    assert f"docs/expired-fact.md:{unshaped}: malformed source stamp [W README (checked" in message
    assert "a checked list" not in message  # no year in its text: not a source stamp
    future = line_of("expired-fact", "V notes")
    assert f"docs/expired-fact.md:{future}: 'checked 2028-02' is after the build date" in message
    assert "fresh.example" not in message  # checked 2027-06: fresh on 2028-01-15


def test_a_fresh_source_passes_the_strict_build_and_expires_a_year_later(tmp_path):
    write_site(tmp_path, {"good": PAGES["good"]})
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for today, passes in (("2028-06-30", True), ("2028-07-01", False)):
        result = subprocess.run(
            command,
            cwd=tmp_path,
            env={**env, "SOURCES_TODAY": today},
            capture_output=True,
            text=True,
        )
        assert (result.returncode == 0) == passes, (today, result.stderr[-2000:])
    assert (
        f"docs/good.md:{line_of('good', 'fresh.example')}:" in result.stderr
    )  # after the build date
    assert "https://fresh.example/readme" in result.stderr


def write_notebook(path: Path, cells: list[tuple[str, str, str | None]]) -> None:
    """A notebook as a contributor saves it: (kind, source, saved output) per cell."""
    import nbformat  # noqa: PLC0415

    notebook = nbformat.v4.new_notebook()
    for kind, source, saved in cells:
        if kind == "markdown":
            notebook.cells.append(nbformat.v4.new_markdown_cell(source))
            continue
        cell = nbformat.v4.new_code_cell(source, execution_count=1)
        if saved is not None:
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=saved)]
        notebook.cells.append(cell)
    nbformat.write(notebook, path)


def write_notebook_site(site: Path) -> None:
    """A site with the good page and, in its nav, docs/handmade.ipynb (written by the test)."""
    write_site(site, {"good": PAGES["good"]})
    config = (site / "mkdocs.yml").read_text()
    config = config.replace("hooks:\n", f"hooks:\n  - {REPO / 'hooks' / 'notebooks.py'}\n")
    config = config.replace("nav:\n", NOTEBOOKS_YML + "nav:\n") + "  - handmade.ipynb\n"
    (site / "mkdocs.yml").write_text(config)


def test_a_handmade_notebook_in_the_nav_is_run_and_a_raising_cell_fails(tmp_path):
    write_notebook_site(tmp_path)
    write_notebook(
        tmp_path / "docs" / "handmade.ipynb",
        [
            ("markdown", "# A notebook written by hand", None),
            ("code", "x = 1\nprint(x)", "1\n"),
            ("code", "raise KeyError('in a hand-made notebook')", "looks fine when saved\n"),
        ],
    )
    # The gate collects it from docs/ like a page (the build runs it too: the next test).
    result = pytest_in(tmp_path, "-p", "no:xdist", "docs/handmade.ipynb")
    assert result.returncode == 1, result.stdout[-3000:]
    assert (
        "docs/handmade.ipynb: cell 2 (`raise KeyError('in a hand-made notebook')`)" in result.stdout
    )
    assert "KeyError" in result.stdout and "1 failed" in result.stdout


def test_a_handmade_notebook_shows_the_outputs_of_its_run(tmp_path):
    write_notebook_site(tmp_path)
    write_notebook(
        tmp_path / "docs" / "handmade.ipynb",
        [("code", "print('printed by ' + 'the run')", "typed by hand\n")],
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCES_TODAY": SOURCES_TODAY},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "handmade" / "index.html").read_text()
    download = (tmp_path / "site" / "handmade" / "handmade.ipynb").read_text()
    for shown in (page, download):
        assert "printed by the run" in shown and "typed by hand" not in shown
