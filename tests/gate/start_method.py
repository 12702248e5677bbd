"""`--start-method=spawn` (matrix.py): Python's default start method in the example and in every Python
process it starts, as on macOS and Windows (`spawn`). Imported by worker.py and by
subprocess_guard/sitecustomize.py, so it imports nothing of the gate."""

import os

START_METHOD_VARIABLE = "GATE_START_METHOD"


def set_default_start_method() -> None:
    """Make GATE_START_METHOD the default start method without *setting* it: an example's own
    `multiprocessing.set_start_method(...)` still works, as it would on macOS or Windows."""
    method = os.environ.get(START_METHOD_VARIABLE)
    if not method:
        return
    import multiprocessing.context as context

    # multiprocessing's module-level functions are bound to this one DefaultContext, which falls back
    # to its `_default_context` until someone calls set_start_method.
    context._default_context._default_context = context._concrete_contexts[method]
