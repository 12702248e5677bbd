"""Benchmarks of the same small models in PyTorch, TensorFlow and Keras (`make bench`, `make bench-quick`).

- `bench.common`: the workloads (models, initial weights, data), shared by every framework, in NumPy.
- `bench.torch_impl`, `bench.keras_impl`: the implementations, one small class per way of training.
- `bench.worker`: one fresh process per framework/backend (clean imports, threads and KERAS_BACKEND).
- `bench.check`: the correctness check (equal weights -> equal loss after N steps of plain SGD).
- `bench.machine`: the idle-machine check (load average, calibration loop) run before measuring.
- `bench.cores`: the same cores for every worker (pinning), CPU time beside wall time, and the check
  that fails a run in which an implementation used more cores than it was given.
- `bench.run`: the orchestrator; writes docs/benchmarks/results/<machine>-<device>.json and the charts.
- `bench.explain`: the measurements behind the page's explanation of the compiled implementations.
- `bench.charts`: the SVG charts (bars per metric, lines for the MLP sweep), drawn from the results.

Only NumPy and the standard library are imported here and in `common`, `check`, `machine`, `cores`,
`run`, `explain` and `charts`: the frameworks are imported by the worker processes alone.
"""
