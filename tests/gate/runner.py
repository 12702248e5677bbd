"""Client side of the warm workers (see worker.py): one worker per Keras backend, started on first use.

Keras reads KERAS_BACKEND once, at its first import, and the workers import Keras before forking. So an
example that sets `os.environ["KERAS_BACKEND"] = "torch"` is sent to a worker started with that backend:
it really runs on torch, wherever it falls in the test order.
"""

import getpass
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .start_method import START_METHOD_VARIABLE

WORKER = Path(__file__).with_name("worker.py")
KERAS_BACKEND_ASSIGNMENT = re.compile(
    r"""KERAS_BACKEND["']\s*(?:\]\s*=|,)\s*["'](?P<backend>\w+)["']"""
)


def keras_backend_of(code: str) -> str:
    """The backend an example selects (`os.environ["KERAS_BACKEND"] = "torch"`), else Keras' default."""
    match = KERAS_BACKEND_ASSIGNMENT.search(code)
    return match["backend"] if match else "tensorflow"


@dataclass
class Outcome:
    status: str  # passed | failed | timeout | crashed
    stdout: str
    stderr: str
    seconds: float
    error: str = ""
    frames: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    device_evidence: dict | None = None
    coverage: dict | None = (
        None  # {"statements": [...], "missing": [...]}: lines of the example file
    )
    equivalence: dict | None = None  # the tab-equivalence check's result (equivalence.py)


def read_if_exists(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""


class Worker:
    def __init__(self, preload: list[str], env: dict[str, str], coverage: str | None = None):
        read_fd, write_fd = os.pipe()
        self.log = tempfile.TemporaryFile()
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(WORKER),
                "--preload",
                ",".join(preload),
                "--reply-fd",
                str(write_fd),
                *(["--coverage", coverage] if coverage else []),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=self.log,
            pass_fds=(write_fd,),
            env=env,
            text=True,
        )
        os.close(write_fd)
        self.replies = os.fdopen(read_fd)
        self.requests = 0
        self._read()  # {"ready": true}: the frameworks are imported

    def _read(self) -> dict:
        line = self.replies.readline()
        if not line:
            self.log.seek(0)
            tail = self.log.read().decode(errors="replace")[-3000:]
            raise RuntimeError(f"the example worker died; its log ends with:\n{tail}")
        return json.loads(line)

    def run(self, request: dict) -> dict:
        self.requests += 1
        request = {**request, "id": self.requests}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        while True:  # skip a reply to an earlier request whose caller was interrupted
            reply = self._read()
            if reply.get("id") == request["id"]:
                return reply

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.replies.close()
        self.log.close()


class ExampleRunner:
    """Runs example code as a script file in a fresh temporary working directory."""

    def __init__(
        self,
        preload: list[str],
        gpu: bool = False,
        fresh_interpreter: bool = False,
        coverage: str | None = None,
        start_method: str | None = None,
    ):
        """`coverage`: a coverage.py config file; each run then measures which lines of the example ran
        (Outcome.coverage)."""
        self.preload = preload
        self.gpu = gpu
        self.fresh_interpreter = fresh_interpreter
        self.coverage = coverage and str(Path(coverage).resolve())
        self.start_method = start_method
        self.workers: dict[str, Worker] = {}

    def _environment(self, backend: str) -> dict[str, str]:
        env = {
            k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "KERAS_BACKEND"))
        }
        if backend != "tensorflow":
            env["KERAS_BACKEND"] = backend
        env["PYTHONHASHSEED"] = "0"
        if self.start_method:
            env[START_METHOD_VARIABLE] = self.start_method
        # Inductor's on-disk cache defaults to $TMPDIR/torchinductor_<user>, and each example gets its
        # own TMPDIR: point it where a reader's runs share it, so torch.compile examples reuse kernels.
        env.setdefault(
            "TORCHINDUCTOR_CACHE_DIR",
            str(Path(tempfile.gettempdir(), f"torchinductor_{getpass.getuser()}")),
        )
        # Line coverage (line_coverage.py) through sys.monitoring where Python has it (3.12+): it stops
        # calling back for code outside the example's file, where the C tracer sees every call into the
        # frameworks. Measured on the training-loop, compilation and porting-defaults pages: 20% less
        # time for their examples (72.5 s instead of 89.9 s). Processes the examples start inherit it.
        env.setdefault("COVERAGE_CORE", "sysmon" if sys.version_info >= (3, 12) else "ctrace")
        # Torch and TensorFlow share the GPU in one process: TensorFlow must not take all its memory.
        env["TF_FORCE_GPU_ALLOW_GROWTH"] = "true"
        if self.gpu:
            # JAX would take 75% of the GPU at its first op; the other examples need it too.
            env["XLA_PYTHON_CLIENT_PREALLOCATE"] = "false"
            # The worker forks: torch.cuda.is_available() there (Keras on torch calls it at import)
            # must not initialise CUDA, or every child fails "Cannot re-initialize CUDA".
            env["PYTORCH_NVML_BASED_CUDA_CHECK"] = "1"
        return env

    def _worker(self, backend: str) -> Worker:
        if (
            self.fresh_interpreter
        ):  # a new interpreter that has imported nothing: `python example.py`
            return Worker([], self._environment(backend), self.coverage)
        if backend not in self.workers:
            # Every worker preloads TensorFlow, whatever its Keras backend: keras.utils.set_random_seed
            # imports it whenever it is installed (measured: 7 of the 8 Keras-on-torch examples did).
            self.workers[backend] = Worker(self.preload, self._environment(backend), self.coverage)
        return self.workers[backend]

    def run(
        self,
        code: str,
        filename: str,
        timeout: float,
        backend: str | None = None,
        equivalence: dict | None = None,
    ) -> Outcome:
        """Run `code` as the file `filename` in the warm worker of its Keras backend (the one it
        selects, unless `backend` says otherwise)."""
        backend = backend or keras_backend_of(code)
        # Deleted with everything the example wrote: its working directory and its temporary files.
        with tempfile.TemporaryDirectory(prefix="example-") as scratch:
            cwd, out_dir, tmp_dir = Path(scratch, "cwd"), Path(scratch, "out"), Path(scratch, "tmp")
            for folder in (cwd, out_dir, tmp_dir):
                folder.mkdir()
            # The file name the reader would give it (a file named keras.py would shadow keras).
            script = cwd / filename
            script.write_text(code)
            worker = self._worker(backend)
            try:
                reply = worker.run(
                    {
                        "script": str(script),
                        "cwd": str(cwd),
                        "out_dir": str(out_dir),
                        "tmp_dir": str(tmp_dir),
                        "timeout": timeout,
                        "gpu_evidence": self.gpu,
                        "coverage": self.coverage,
                        "equivalence": equivalence,
                    }
                )
            finally:
                if self.fresh_interpreter:
                    worker.close()
            return Outcome(
                status=reply["status"],
                stdout=read_if_exists(out_dir / "stdout.txt"),
                stderr=read_if_exists(out_dir / "stderr.txt"),
                seconds=reply.get("seconds", 0.0),
                error=reply.get("error", ""),
                frames=reply.get("frames", []),
                warnings=reply.get("warnings", []),
                device_evidence=reply.get("device_evidence"),
                coverage=reply.get("coverage"),
                equivalence=reply.get("equivalence"),
            )

    def close(self) -> None:
        for worker in self.workers.values():
            worker.close()
        self.workers.clear()
