"""The GPU mode and tools/gpu-check, tested on a CPU as far as a CPU allows.

GATE_FAKE_GPU=1 makes the GPU mode's preflight and device checks accept the CPU (=preflight: only the
preflight), and everything else runs for real: the examples, the NOT RUN reports of a partial runner,
the device report, the benchmarks and the files a GPU run brings back. What only a GPU can show (that
an example really used it) is the device checks' decision, tested below on the evidence the worker
records, and the run on a real GPU machine (CONTRIBUTING.md, "Run the GPU suite").
"""

import hashlib
import importlib.machinery
import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.gate.plugin import device_problems, modules_needed, not_run_reason
from tests.test_gate import FENCE, REPO, write_site

# One pytest-xdist worker runs this module: its module fixtures (whole gpu-check runs) run once.
pytestmark = pytest.mark.xdist_group("gpu-check")

GPU_CHECK = REPO / "tools" / "gpu-check"
WHEELS = REPO / "gpu-wheels"


def load_gpu_check():
    loader = importlib.machinery.SourceFileLoader("gpu_check", str(GPU_CHECK))
    spec = importlib.util.spec_from_loader("gpu_check", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


gpu_check = load_gpu_check()


def page(title: str, snippet: str, code: str, expected: str | None = None, mark: str = ""):
    output = (
        f"\n<!--pytest-codeblocks:expected-output-->\n\n{FENCE}text\n{expected}{FENCE}\n"
        if expected
        else ""
    )
    return (
        f'# {title}\n\n{mark}{FENCE}python\n--8<-- "{snippet}"\n{FENCE}\n{output}',
        {snippet: code},
    )


TORCH = "import torch\n\nprint('sum', torch.ones(3).sum().item())\n"
SITE = {
    "on-torch": page("Torch", "snippets/gpu/on_torch.py", TORCH, "sum 3.0\n"),
    "plain": page("Plain", "snippets/gpu/plain.py", "print('no framework')\n", "no framework\n"),
    "on-jax": page(
        "JAX", "snippets/gpu/on_jax.py", "import jax.numpy as jnp\n\nprint(jnp.ones(2).sum())\n"
    ),
    "absent": page(
        "Absent", "snippets/gpu/absent.py", "import not_a_framework_xyz\n\nprint('never')\n"
    ),
    "keras-elsewhere": page(
        "Keras elsewhere",
        "snippets/gpu/keras_elsewhere.py",
        'import os\n\nos.environ["KERAS_BACKEND"] = "nosuchbackend"\nimport keras\n',
    ),
    "absent-at-run-time": page(
        "Absent at run time",
        "snippets/gpu/metadata.py",
        'from importlib.metadata import metadata\n\nmetadata("not-a-package-xyz")\n',
    ),
    "fails-anyway": page(
        "Fails anyway",
        "snippets/gpu/fails.py",
        "raise ModuleNotFoundError(\"No module named 'json'\")\n",
    ),
    "cpu-only": page(
        "CPU only",
        "snippets/gpu/cpu_only.py",
        TORCH,
        "sum 3.0\n",
        mark="<!-- pytest.mark.cpu_only(reason='shows the CPU') -->\n",
    ),
}


def environment(fake: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_MKDOCS_2_WARNING": "1", "GATE_FAKE_GPU": fake}
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


@pytest.fixture(scope="module")
def fake_run(tmp_path_factory):
    """`tools/gpu-check run` on a throwaway site, the benchmark reduced to one model. The preflight
    accepts the CPU and the device checks are real (GATE_FAKE_GPU=preflight); TensorFlow and JAX are
    left out as a framework whose GPU does not work is (GATE_GPU_EXCLUDE), which also saves their
    start-up."""
    site, out = tmp_path_factory.mktemp("site"), tmp_path_factory.mktemp("out")
    write_site(site, SITE)
    command = [sys.executable, str(GPU_CHECK), "run", str(out), "--no-install", "--site", str(site)]
    command += ["--workers", "0", "--bench-impls", "torch-eager", "--bench-models", "mlp"]
    command += ["--no-keras-backends"]
    env = {**environment("preflight"), "GATE_GPU_EXCLUDE": "tensorflow,jax"}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600, cwd=REPO)
    return result, out


def test_the_run_writes_the_report_results_log_and_manifest(fake_run):
    result, out = fake_run
    assert result.returncode == 1, result.stdout[-4000:]  # one example fails: the tests' exit code
    files = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    manifest = json.loads((out / "gpu-check.json").read_text())
    assert manifest["fake_gpu"] is True and manifest["files"] == files
    assert len(files) <= 8 and all(
        len(Path(f).parts) <= 3 for f in files
    )  # what a call brings back
    assert {"device-report.json", "gpu-check.log", "gpu-check.tar.gz"} <= set(files)
    assert [s["step"] for s in manifest["steps"]] == ["install", "tests", "bench"]
    assert manifest["steps"][0]["not_run"] == "--no-install"
    assert [s["rc"] for s in manifest["steps"]] == [None, 1, 0]  # the benchmarks ran all the same
    assert "tests: exit code 1" in (out / "gpu-check.log").read_text()


def test_a_partial_runner_reports_absent_frameworks_as_not_run_by_name(fake_run):
    result, out = fake_run
    report = json.loads((out / "device-report.json").read_text())
    assert report["fake_gpu"] is True and "not a GPU run" in report["device"]
    outcomes = {r["page"]: r["outcome"] for r in report["results"]}
    assert outcomes == {
        "docs/on-torch.md": "failed",  # torch on the CPU: the device check is real here
        "docs/cpu-only.md": "passed",  # the same code, marked cpu_only(reason)
        "docs/plain.md": "passed",  # no framework with a GPU
        "docs/on-jax.md": "not run",
        "docs/absent.md": "not run",
        "docs/keras-elsewhere.md": "not run",
        "docs/absent-at-run-time.md": "not run",
        "docs/fails-anyway.md": "failed",  # a module that is installed: a real failure, never hidden
    }
    reasons = {e["page"]: e["reason"] for e in report["not_run"]}
    assert "needs not_a_framework_xyz, not installed" in reasons["docs/absent.md"]
    assert "Keras on its nosuchbackend backend" in reasons["docs/keras-elsewhere.md"]
    assert (
        "needs not-a-package-xyz, not installed on this machine (found when it ran)"
        in (reasons["docs/absent-at-run-time.md"])
    )
    assert "needs jax, which saw no GPU here: left out of this run" in reasons["docs/on-jax.md"]
    assert report["left_out"] == ["TensorFlow", "JAX"] and list(report["frameworks"]) == ["PyTorch"]
    assert report["passed"] == 2 and report["failed"] == 2 and report["ran"] == 4
    # Shown as skipped with the reason, and listed by name in the GPU mode's summary: never passed.
    assert "2 failed, 2 passed, 4 skipped" in result.stdout
    assert "NOT RUN docs/absent.md:3: needs not_a_framework_xyz" in result.stdout
    # What ran, so that the site can tell a changed snippet from the one that ran.
    torch_result = next(r for r in report["results"] if r["page"] == "docs/on-torch.md")
    assert torch_result["snippets"] == {
        "snippets/gpu/on_torch.py": hashlib.sha256(TORCH.encode()).hexdigest()
    }
    assert report["versions"]["torch"] and report["frameworks"]["PyTorch"]["version"]


def test_an_example_that_stays_on_the_cpu_fails_unless_marked_cpu_only(fake_run):
    result, _ = fake_run
    assert (
        "docs/on-torch.md:3 (includes snippets/gpu/on_torch.py): the example stayed on the CPU"
        in (result.stdout)
    )
    assert "(torch allocated no CUDA memory)" in result.stdout
    assert "docs/cpu-only.md" not in result.stdout.split("short test summary info")[-1]


def test_the_benchmarks_run_for_the_implementations_present(fake_run):
    result, out = fake_run
    (results,) = (out / "benchmarks" / "results").glob("*.json")
    data = json.loads(results.read_text())
    assert {(r["impl"], r["model"], r["device"]) for r in data["results"]} == {
        ("torch-eager", "mlp", "cpu")
    }
    assert "FAKE" in data["note"]
    # bench's own layout (docs/benchmarks/results/<machine>.json), and its charts in the archive.
    shutil.unpack_archive(out / "gpu-check.tar.gz", out.parent / "unpacked", filter="data")
    assert list((out.parent / "unpacked" / "benchmarks" / "charts").glob("*.svg"))
    assert (out.parent / "unpacked" / "junit.xml").is_file()


def test_a_fake_run_is_never_imported(fake_run, tmp_path):
    _, out = fake_run
    result = subprocess.run(
        [sys.executable, str(GPU_CHECK), "import", str(out), "--repo", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "not imported" in result.stderr
    assert not list(tmp_path.rglob("*.json"))


def test_a_real_run_is_imported_where_the_site_reads_it(fake_run, tmp_path):
    _, out = fake_run
    real = tmp_path / "real"
    shutil.copytree(out, real)
    for name in ("gpu-check.json", "device-report.json"):  # as a run on a GPU would have written
        data = json.loads((real / name).read_text())
        data.update(fake_gpu=False, device="NVIDIA H100 80GB HBM3")
        (real / name).write_text(json.dumps(data))
    repo = tmp_path / "repo"
    assert gpu_check.main(["import", str(real), "--repo", str(repo)]) == 0
    (report,) = (repo / "docs" / "verification").glob("*.json")
    assert report.name.endswith("-nvidia-h100-80gb-hbm3.json")
    assert list((repo / "docs" / "benchmarks" / "results").glob("*.json"))
    assert list((repo / "docs" / "benchmarks" / "charts").glob("*.svg"))
    # The report alone, as `make test-gpu` writes it on a GPU runner (reports/device-report.json).
    alone, repo = tmp_path / "alone", tmp_path / "repo2"
    alone.mkdir()
    shutil.copy(real / "device-report.json", alone)
    assert gpu_check.main(["import", str(alone), "--repo", str(repo)]) == 0
    assert list((repo / "docs" / "verification").glob("*-nvidia-h100-80gb-hbm3.json"))


def test_gpu_check_reads_which_frameworks_saw_no_gpu_from_the_preflight():
    output = [
        "Exit: make test-gpu needs a GPU, and none is usable:\n",
        "  JAX sees no GPU (jax.devices() lists none; jax 0.11.2 needs its CUDA plugin, ...)\n",
    ]
    assert gpu_check.frameworks_without_gpu(output) == ["jax"]
    output.append("  PyTorch sees no CUDA GPU (torch.cuda.is_available() is False; ...)\n")
    assert gpu_check.frameworks_without_gpu(output) == ["torch", "jax"]


@pytest.mark.parametrize(
    ("frameworks", "backend", "evidence", "problems"),
    [
        ({"torch"}, None, {"torch_cuda_peak_bytes": 512}, []),
        ({"torch"}, None, {}, ["torch allocated no CUDA memory"]),
        ({"keras"}, "torch", {"torch_cuda_peak_bytes": 512}, []),
        ({"keras"}, "jax", {"torch_cuda_peak_bytes": 512}, ["Keras on jax put nothing on the GPU"]),
        ({"keras"}, "jax", {"jax_gpu_peak_bytes": 4096}, []),
        ({"keras"}, "tensorflow", {}, ["Keras on tensorflow put nothing on the GPU"]),
        (
            {"keras", "tensorflow"},
            "tensorflow",
            {},
            ["TensorFlow put nothing on GPU:0", "Keras on tensorflow put nothing on the GPU"],
        ),
        ({"jax"}, None, {"jax_error": "RuntimeError()"}, ["JAX put nothing on the GPU"]),
    ],
)
def test_each_framework_imported_must_use_the_gpu(frameworks, backend, evidence, problems):
    assert device_problems(frameworks, backend, evidence) == problems


def test_an_example_needs_its_imports_and_its_keras_backend():
    code = 'import os\nos.environ["KERAS_BACKEND"] = "jax"\nimport keras\nfrom torch import nn\n'
    assert modules_needed(code) == ["os", "keras", "torch", "jax"]
    assert modules_needed("from __future__ import annotations\nimport keras\n") == [
        "keras",
        "tensorflow",
    ]
    assert not_run_reason(["tensorflow"], "import keras\n") == (
        "NOT RUN on this GPU: needs tensorflow, not installed on this machine "
        "(Keras on its tensorflow backend)"
    )


def test_the_carried_wheels_are_the_pins_less_what_the_gpu_machine_brings():
    carried = {line.split("==")[0].lower() for line in gpu_check.carried_requirements(
        REPO / "requirements.txt"
    )}  # fmt: skip
    assert {"keras", "mkdocs", "mkdocs-material", "pymdown-extensions", "markdown"} <= carried
    assert {"beautifulsoup4", "pytest", "pytest-codeblocks", "pytest-xdist", "nbclient"} <= carried
    assert not carried & {"torch", "tensorflow", "jax", "jaxlib", "numpy", "playwright", "ruff"}


@pytest.mark.skipif(not WHEELS.is_dir(), reason="gpu-wheels/ not downloaded (make gpu-wheels)")
def test_the_downloaded_wheel_set_is_complete_and_fits(tmp_path):
    assert gpu_check.verify_wheels(WHEELS) == 0
    # The check has teeth: without one wheel that a requirement needs, the dry run fails.
    partial = tmp_path / "partial"
    shutil.copytree(WHEELS, partial, ignore=shutil.ignore_patterns("soupsieve-*"))
    assert gpu_check.verify_wheels(partial) == 1


# --------------------------------------------------------------------------------------------------
# The stamp (hooks/verified_with.py) reads the committed device reports, and only real ones.

STAMPED = {
    "a": page("A", "snippets/a/on_torch.py", TORCH, "sum 3.0\n"),
    "b": page("B", "snippets/b/plain.py", "print('no framework')\n", "no framework\n"),
}


def device_report(site: Path, fake: bool = False) -> dict:
    """A report as a GPU run writes it: page a's example ran on the GPU, page b's was not run."""
    torch_hash = hashlib.sha256((site / "snippets/a/on_torch.py").read_bytes()).hexdigest()
    return {
        "schema": 1,
        "kind": "device-report",
        "date": "2026-11-27T02:00:00+00:00",
        "fake_gpu": fake,
        "device": "NVIDIA H100 80GB HBM3",
        "frameworks": {"PyTorch": {"version": "2.11.0+cu130", "cuda": "13.0", "gpus": ["H100"]}},
        "versions": {"python": "3.12.3", "torch": "2.11.0+cu130", "keras": "3.15.1"},
        "passed": 1,
        "failed": 0,
        "not_run": [{"page": "docs/b.md", "line": 3, "reason": "NOT RUN on this GPU: ..."}],
        "results": [
            {
                "page": "docs/a.md",
                "line": 3,
                "snippets": {"snippets/a/on_torch.py": torch_hash},
                "outcome": "passed",
                "torch_cuda_peak_bytes": 1024,
            },
            {
                "page": "docs/b.md",
                "line": 3,
                "snippets": {"snippets/b/plain.py": "0" * 64},
                "outcome": "not run",
                "absent": ["tensorflow"],
            },
        ],
    }


def stamped_site(site: Path) -> Path:
    """A throwaway site with the real hook and the real verification page."""
    write_site(site, STAMPED)
    config = (site / "mkdocs.yml").read_text()
    config = config.replace("nav:\n", f"hooks:\n  - {REPO / 'hooks' / 'verified_with.py'}\nnav:\n")
    config = config.replace("  - admonition\n", "  - admonition\n  - tables\n")
    (site / "mkdocs.yml").write_text(config + "  - verification/index.md\n")
    (site / "docs" / "verification").mkdir()
    shutil.copy(REPO / "docs" / "verification" / "index.md", site / "docs" / "verification")
    return site


def build(site: Path, report: dict | None) -> dict[str, str]:
    """Build it with this report committed (or none): {page: the text of its stamp}, and the text of
    the verification page."""
    from bs4 import BeautifulSoup

    for old in (site / "docs" / "verification").glob("*.json"):
        old.unlink()
    if report is not None:
        (site / "docs" / "verification" / "2026-11-27-h100.json").write_text(json.dumps(report))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site / "site")],
        cwd=site,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    texts = {}
    for name in ("a", "b", "verification"):
        soup = BeautifulSoup((site / "site" / name / "index.html").read_text(), "html.parser")
        stamp = soup.select_one(".verified-with")
        texts[name] = " ".join((stamp or soup.article).get_text(" ").split())
    return texts


def test_without_a_report_every_page_is_not_yet_run_on_a_gpu(tmp_path):
    stamps = build(stamped_site(tmp_path), None)
    torch_version = importlib.metadata.version("torch").split("+")[0]
    assert f"CPU: every example runs on every change, with PyTorch {torch_version}" in stamps["a"]
    assert "Not yet run on a GPU" in stamps["a"] and "Not yet run on a GPU" in stamps["b"]
    assert "How this site is verified" in stamps["a"]
    assert "GPU runs on record None yet." in stamps["verification"]


def test_a_report_is_shown_with_its_date_device_and_versions_until_the_snippet_changes(tmp_path):
    site = stamped_site(tmp_path)
    report = device_report(site)
    stamps = build(site, report)
    gpu = (
        "GPU: 1 of 1 examples ran on NVIDIA H100 80GB HBM3 on 2026-11-27, "
        "with PyTorch 2.11.0 (CUDA 13.0), Keras 3.15.1"
    )
    assert gpu in stamps["a"] and "changed" not in stamps["a"]
    assert "GPU: 0 of 1 examples ran" in stamps["b"]
    assert "1 not run there (they need TensorFlow)" in stamps["b"]
    page = stamps["verification"]
    assert "2026-11-27, NVIDIA H100 80GB HBM3: PyTorch 2.11.0 (CUDA 13.0), Keras 3.15.1" in page
    assert "A all examples 1 of 1 examples ran on NVIDIA H100" in page
    # The snippet that ran is not the one on the page any more: no GPU claim for it.
    (site / "snippets/a/on_torch.py").write_text(TORCH.replace("ones(3)", "ones(4)"))
    stamps = build(site, report)
    assert "GPU: 0 of 1 examples ran" in stamps["a"]
    assert "1 changed since: not yet run on a GPU as they are now" in stamps["a"]
    # An example added to the page since the run is not covered by it either.
    with (site / "docs" / "a.md").open("a") as page_a:
        page_a.write(f'\n{FENCE}python\n--8<-- "snippets/b/plain.py"\n{FENCE}\n')
    assert "1 added since: not yet run on a GPU" in build(site, report)["a"]


def test_a_fake_gpu_report_is_never_shown(tmp_path):
    site = stamped_site(tmp_path)
    stamps = build(site, device_report(site, fake=True))
    assert "Not yet run on a GPU" in stamps["a"] and "H100" not in stamps["verification"]
