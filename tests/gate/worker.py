"""A warm worker that runs examples, each in a fresh forked process, as if run with `python example.py`.

Why: a fresh interpreter per example costs ~3 s here (importing torch + TensorFlow + Keras), too slow for
100+ examples. This worker imports the frameworks once, then forks a child per example. The child is a
copy-on-write clone: whatever the example changes (globals, imported-module state, seeds, default dtype,
working directory, environment) dies with it, so nothing leaks into the next example; the files it
writes go to its own working directory and TMPDIR, which the runner deletes.

Fork safety: the worker only *imports* the frameworks. It never runs an op, so no TensorFlow thread pool,
OpenMP team or CUDA context exists yet when it forks; each child creates its own.

Protocol (one JSON object per line): requests on stdin, responses on the file descriptor given by
--reply-fd. This file is started by `tests/gate/runner.py` and imports nothing from pytest.
"""

import argparse
import importlib
import json
import logging
import os
import runpy
import signal
import sys
import tempfile
import time
import traceback
import warnings

import equivalence  # tabs proven equivalent: the check runs in the example's process
import line_coverage  # this file's folder is on sys.path: it is run as a script
from network_guard import block_network
from start_method import set_default_start_method

# Holds a sitecustomize.py that installs the same guard at the start-up of any Python process.
SUBPROCESS_GUARD_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "subprocess_guard")


class _WarningLogHandler(logging.Handler):
    """Python logging at WARNING and above (TensorFlow's retracing warnings, Keras' advice) counts as a
    warning too: a reader running the example sees it."""

    def __init__(self, sink):
        super().__init__(logging.WARNING)
        self.sink = sink

    def emit(self, record):
        self.sink.append(
            {
                "category": f"logging.{record.levelname}",
                "message": f"[{record.name}] {record.getMessage()}",
                "filename": record.pathname,
                "lineno": record.lineno,
            }
        )


def device_evidence() -> dict:
    """What the example really used: CUDA memory that torch allocated, memory TensorFlow used on GPU:0,
    memory JAX used on its first GPU."""
    evidence = {}
    torch = sys.modules.get("torch")
    if torch is not None and torch.cuda.is_available() and torch.cuda.is_initialized():
        evidence["torch_cuda_peak_bytes"] = int(torch.cuda.max_memory_allocated())
    tf = sys.modules.get("tensorflow")
    if tf is not None:
        try:
            if tf.config.list_logical_devices("GPU"):
                evidence["tf_gpu_peak_bytes"] = int(
                    tf.config.experimental.get_memory_info("GPU:0")["peak"]
                )
        except Exception as error:  # noqa: BLE001 - evidence is best effort; the report says why
            evidence["tf_error"] = repr(error)
    jax = sys.modules.get("jax")
    if jax is not None:
        try:
            from jax._src import xla_bridge

            if xla_bridge.backends_are_initialized():  # else the example never ran a JAX op
                gpus = [d for d in jax.local_devices() if d.platform == "gpu"]
                if gpus:
                    stats = gpus[0].memory_stats() or {}
                    evidence["jax_gpu_peak_bytes"] = int(stats.get("peak_bytes_in_use", 0))
        except Exception as error:  # noqa: BLE001 - evidence is best effort; the report says why
            evidence["jax_error"] = repr(error)
    return evidence


def run_child(request: dict) -> None:
    """In the forked child: become `python <script>` and write the outcome to result.json."""
    out_dir = request["out_dir"]
    os.setpgid(0, 0)  # own process group: a timeout kills the example and anything it spawned
    for fd, name in ((1, "stdout.txt"), (2, "stderr.txt")):
        target = os.open(os.path.join(out_dir, name), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(target, fd)
        os.close(target)
    sys.stdout = open(1, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stderr = open(2, "w", buffering=1, closefd=False)  # noqa: SIM115
    sys.stdin = open(os.devnull)  # noqa: SIM115
    # A fresh `python` seeds numpy's and torch's global generators from the OS; a forked child would
    # start from the worker's state, the same for every example. (`random` reseeds itself after fork.)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed()
    if "torch" in sys.modules:
        sys.modules["torch"].seed()
    os.environ.update(request.get("env", {}))
    set_default_start_method()  # --start-method=spawn: as on macOS and Windows (start_method.py)
    os.environ["TMPDIR"] = request["tmp_dir"]  # tempfile's files go where the runner cleans up
    tempfile.tempdir = None  # forget the worker's choice: the next call reads TMPDIR
    os.chdir(request["cwd"])
    script = request["script"]
    sys.argv = [script]
    sys.path[0] = os.path.dirname(script)  # as `python script.py` does
    block_network()
    # ... and in every Python process the example starts (subprocess, multiprocessing workers).
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [SUBPROCESS_GUARD_DIR, os.environ.get("PYTHONPATH")])
    )

    result = {"status": "passed", "warnings": []}
    namespace = {}
    if request.get("coverage"):  # which lines of the example run (line_coverage.py)
        line_coverage.begin(script, out_dir)
    log_handler = _WarningLogHandler(result["warnings"])
    logging.getLogger().addHandler(log_handler)
    with warnings.catch_warnings(record=True) as caught:
        # Keep the interpreter's filters: they decide, as for a reader, which warnings are shown.
        try:
            namespace = runpy.run_path(script, run_name="__main__")
        except SystemExit as exit_:
            if exit_.code not in (None, 0):
                result.update(status="failed", error=f"SystemExit: {exit_.code}", frames=[])
        except BaseException as error:  # noqa: BLE001 - every failure is reported, none escapes
            result.update(
                status="failed",
                error="".join(traceback.format_exception_only(type(error), error)).strip(),
                frames=[
                    {"filename": f.filename, "lineno": f.lineno, "name": f.name, "line": f.line}
                    for f in traceback.extract_tb(error.__traceback__)
                ],
            )
    if request.get("coverage"):
        with warnings.catch_warnings():
            warnings.simplefilter(
                "ignore"
            )  # coverage.py's own notes are not the example's warnings
            result["coverage"] = line_coverage.finish(script, out_dir)
    logging.getLogger().removeHandler(log_handler)
    result["warnings"] += [
        {
            "category": w.category.__name__,
            "message": str(w.message),
            "filename": w.filename,
            "lineno": w.lineno,
        }
        for w in caught
    ]
    if request.get("gpu_evidence"):
        result["device_evidence"] = device_evidence()
    if request.get("equivalence") and result["status"] == "passed":
        result["equivalence"] = equivalence.check(request["equivalence"], namespace)
    sys.stdout.flush()
    sys.stderr.flush()
    with open(os.path.join(out_dir, "result.json"), "w") as handle:
        json.dump(result, handle)


def run_request(request: dict) -> dict:
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            run_child(request)
        except BaseException:  # noqa: BLE001 - the gate's own failure: to the example's stderr
            traceback.print_exc()
            sys.stderr.flush()
            code = 70
        finally:
            os._exit(code)
    deadline = started + request["timeout"]
    timed_out = False
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        if time.monotonic() > deadline:
            timed_out = True
            _kill_group(pid)
            os.waitpid(pid, 0)
            break
        time.sleep(0.005)
    _kill_group(pid)  # whatever the example left running
    elapsed = time.monotonic() - started
    result_path = os.path.join(request["out_dir"], "result.json")
    if timed_out:
        result = {
            "status": "timeout",
            "error": f"ran past its time limit of {request['timeout']} s",
        }
    elif os.path.exists(result_path):
        with open(result_path) as handle:
            result = json.load(handle)
    else:
        code = os.waitstatus_to_exitcode(status)
        how = f"killed by signal {-code}" if code < 0 else f"exited with code {code}"
        result = {"status": "crashed", "error": f"the example's process {how} before it finished"}
    result["seconds"] = round(elapsed, 3)
    result["id"] = request.get("id")
    return result


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--preload", default="", help="comma-separated modules to import once")
    parser.add_argument("--reply-fd", type=int, required=True)
    parser.add_argument("--coverage", help="coverage.py config: measure the examples' lines")
    args = parser.parse_args()
    replies = os.fdopen(args.reply_fd, "w", buffering=1)
    os.dup2(2, 1)  # whatever the frameworks print while importing must not reach the reply channel
    for module in filter(None, args.preload.split(",")):
        try:
            importlib.import_module(module)
        except ImportError:
            pass  # an example that needs it fails with the ImportError a reader would see
    if args.coverage:  # last: the tracer then runs while the worker waits and forks, nothing else
        line_coverage.start_in_worker(args.coverage)
    replies.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    for line in sys.stdin:
        replies.write(json.dumps(run_request(json.loads(line))) + "\n")


if __name__ == "__main__":
    main()
