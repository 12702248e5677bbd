"""Which lines of an example ran: coverage.py, measuring only the example's own file, in its isolated run.

Used by worker.py in the example's forked process, and by subprocess_guard/sitecustomize.py in every
Python process the example starts. Imports only the standard library and coverage.py.

What coverage.py alone does not see, added here by hand (no library maps these back):

- Processes. A process the example starts with `subprocess` or multiprocessing's "spawn"/"forkserver"
  runs sitecustomize.py, which starts the same measurement (settings passed in GATE_COVERAGE); a process
  forked from a measured one keeps measuring. Each writes the lines it ran to
  `<out_dir>/coverage-<pid>.json` when it exits, through `os._exit` too (multiprocessing's workers).
- Graph tracing. `tf.function` and `tf.data` run a function's lines as AutoGraph's converted copy, in a
  generated file, and `torch.compile` interprets them in Dynamo without executing them as Python. Both
  really run those lines (into the graph that then executes), so they count: AutoGraph's source map takes
  a line of the generated file back to the example's line, and Dynamo reports each line it starts.

Examples measured this way show it: without the mapping, every `@tf.function` body and every compiled
function of the site counted as never run.
"""

import json
import os

ENV = "GATE_COVERAGE"  # {"script", "config", "out"}: set for the processes the example starts
EXAMPLE_FILES = "*/example-*/cwd/*"  # where runner.py writes each example (its working directory)
AUTOGRAPH_FILES = "*__autograph_generated_file*"

_state: dict = {
    "cov": None,
    "config": None,
    "script": None,
    "out": None,
    "autograph_maps": [],
    "dynamo_lines": set(),
}


def start_in_worker(config: str) -> None:
    """In the warm worker, once: start measuring every example file (runner.py's layout) before forking.

    Each example's process inherits a running tracer with no data, instead of starting its own: starting
    coverage.py costs ~1 s the first time with the frameworks loaded (its Collector records
    `inspect.stack()`, which resolves the path of every loaded module) and ~50 ms after, per example.
    The worker itself runs no example file, so it records nothing."""
    import coverage  # noqa: PLC0415

    cov = coverage.Coverage(
        data_file=None, include=[EXAMPLE_FILES, AUTOGRAPH_FILES], config_file=config
    )
    _state.update(cov=cov, config=config)
    cov.start()


def begin(script: str, out_dir: str) -> None:
    """In the example's process, before it runs (the tracer is already running, see start_in_worker)."""
    _state.update(script=script, out=out_dir)
    _hook_autograph()
    _hook_dynamo()
    os.environ[ENV] = json.dumps({"script": script, "config": _state["config"], "out": out_dir})
    os.register_at_fork(after_in_child=_after_fork_in_child)


def start(script: str, config: str, out_dir: str) -> None:
    """In a process of its own (one the example started): measure `script` from now on."""
    import coverage  # noqa: PLC0415

    cov = coverage.Coverage(data_file=None, include=[script, AUTOGRAPH_FILES], config_file=config)
    _state.update(cov=cov, config=config)
    begin(script, out_dir)
    cov.start()


def start_in_subprocess() -> None:
    """In a process the example started (sitecustomize.py): measure, and save the lines at exit."""
    import atexit  # noqa: PLC0415

    settings = json.loads(os.environ[ENV])
    start(settings["script"], settings["config"], settings["out"])
    atexit.register(save)


def ran_lines() -> set[int]:
    """Lines of the example file that ran in this process, graph-traced lines included."""
    cov, script = _state["cov"], _state["script"]
    data = cov.get_data()
    lines = set(data.lines(script) or [])
    real_script = os.path.realpath(script)
    for source_map in _state["autograph_maps"]:
        for generated, origin in source_map.items():
            if os.path.realpath(origin.loc.filename) != real_script:
                continue
            if generated.lineno in set(data.lines(generated.filename) or ()):
                lines.add(origin.loc.lineno)
    return lines | _state["dynamo_lines"]


def save() -> None:
    """Write this process's lines to <out_dir>/coverage-<pid>.json (once per process)."""
    cov = _state["cov"]
    if cov is None or _state.get("saved_by") == os.getpid():
        return
    _state["saved_by"] = os.getpid()
    cov.stop()
    path = os.path.join(_state["out"], f"coverage-{os.getpid()}.json")
    with open(path, "w") as handle:
        json.dump(sorted(ran_lines()), handle)


def finish(script: str, out_dir: str) -> dict:
    """In the example's process, after it ran: {"statements": [...], "missing": [...]}."""
    import glob  # noqa: PLC0415

    cov = _state["cov"]
    cov.stop()
    _state["saved_by"] = os.getpid()  # this process reports directly, not through a file
    ran = ran_lines()
    for path in glob.glob(os.path.join(out_dir, "coverage-*.json")):
        with open(path) as handle:
            ran.update(json.load(handle))
    _, statements, _, _, _ = cov.analysis2(script)
    return {"statements": statements, "missing": sorted(set(statements) - ran)}


def _after_fork_in_child() -> None:
    """A process forked from a measured one (multiprocessing's fork and forkserver workers, DataLoader
    workers) keeps the tracer; it leaves through os._exit, which skips atexit: save there."""
    _state["saved_by"] = None
    original_exit = os._exit

    def _exit(code):
        try:
            save()
        finally:
            original_exit(code)

    os._exit = _exit
    import atexit  # noqa: PLC0415

    atexit.register(save)


def _hook_autograph() -> None:
    """Keep the source map of every function AutoGraph converts (tf.function, tf.data's map)."""
    import sys  # noqa: PLC0415

    api = sys.modules.get("tensorflow.python.autograph.impl.api")
    if api is None or getattr(api._convert_actual, "_gate_hooked", False):
        return
    convert = api._convert_actual

    def _convert_actual(entity, program_ctx):
        transformed = convert(entity, program_ctx)
        _state["autograph_maps"].append(transformed.ag_source_map)
        return transformed

    _convert_actual._gate_hooked = True
    api._convert_actual = _convert_actual


def _hook_dynamo() -> None:
    """Record each line of the example that torch.compile's Dynamo interprets."""
    import sys  # noqa: PLC0415

    symbolic = sys.modules.get("torch._dynamo.symbolic_convert")
    if symbolic is None:
        return
    translator = symbolic.InstructionTranslatorBase
    if getattr(translator.starts_line, "_gate_hooked", False):
        return
    starts_line = translator.starts_line
    script = _state["script"]

    def _starts_line(self, lineno):
        if self.f_code.co_filename == script:
            _state["dynamo_lines"].add(lineno)
        return starts_line(self, lineno)

    _starts_line._gate_hooked = True
    translator.starts_line = _starts_line
