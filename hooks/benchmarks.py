"""MkDocs hook: render the benchmarks page's words, tables and charts from the results files, at build time.

`make bench` / `make bench-quick` (bench/run.py) write docs/benchmarks/results/<machine>-<device>.json
and the SVG charts docs/benchmarks/charts/<machine>-<device>-<metric>.svg. This hook replaces three
markers in docs/benchmarks.md:

- `<!-- benchmarks:summary -->`: per result set, sentences computed from it (the fastest
  implementation per model and by how much, named only when the set records CPU time and the
  measurements tell it apart; whether compilation pays off, from the median first-step cost, and
  after how many steps; what the sweep shows; how much of an MLP step is arithmetic, from its FLOPs
  and the sweep; why a compiled implementation loses when the set holds the measurement that says
  so, and a warning naming what stays unexplained), then every set's training throughput side by
  side (CPU and GPU columns);
- `<!-- benchmarks:implementations -->`: what each implementation runs;
- `<!-- benchmarks:tables -->`: per machine and device, its description (CPU, GPU, versions, threads,
  pinned cores, date, load, idle check), the correctness check, the charts and tables of every
  metric (with each implementation's CPU time over wall time), the sweep.

No number on the page is typed by hand. A missing marker, results file or chart is a warning, so the
strict build fails. A results file of the older format (schema 1, devices in one file) still renders.
"""

import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # MkDocs loads hooks by path
from bench.charts import fmt as format_number  # noqa: E402
from bench.common import MODELS as MODEL_LAYERS  # noqa: E402
from bench.common import mlp_step_flops  # noqa: E402

log = logging.getLogger("mkdocs.hooks.benchmarks")

PAGE = "benchmarks.md"
RESULTS = "benchmarks/results"
CHARTS = "benchmarks/charts"
IMPLEMENTATIONS_MARKER = "<!-- benchmarks:implementations -->"
TABLES_MARKER = "<!-- benchmarks:tables -->"
METRICS = {  # tab label, chart metric key
    "train": "Training throughput",
    "latency1": "Latency, batch 1",
    "latency64": "Latency, batch 64",
    "ttfs": "Time to first step",
    "memory": "Peak memory",
}
DEVICES = {"cpu": "CPU", "cuda": "CUDA"}


def fmt(value: float | None) -> str:
    return "–" if value is None else format_number(value)  # the charts' own number format


def spread(stats: dict | None) -> str:
    """`median (q1–q3)` of a summary written by bench.common.summary."""
    if not stats:
        return "–"
    return f"{fmt(stats['median'])} ({fmt(stats['q1'])}–{fmt(stats['q3'])})"


def median(values: list[float]) -> float:
    v = sorted(values)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def load_result_sets(docs_dir: Path) -> list[dict]:
    """One result set per machine and device; an older file (schema 1, devices mixed) is split."""
    sets = []
    for path in sorted((docs_dir / RESULTS).glob("*.json")):
        data = json.loads(path.read_text())
        data["_file"] = path.name
        if "device" in data:
            sets.append(data)
            continue
        for device in dict.fromkeys(r["device"] for r in data["results"]):
            part = dict(data, device=device)
            part["results"] = [r for r in data["results"] if r["device"] == device]
            part["correctness"] = [c for c in data["correctness"] if c["device"] == device]
            sets.append(part)
    order = list(DEVICES)
    return sorted(sets, key=lambda s: (s["machine"]["label"], order.index(s["device"])))


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def cell(result: dict | None, text: str) -> str:
    if result is None:
        return "–"
    if result.get("error"):
        return "failed"
    return text


def metric_rows(rs: dict, device: str, metric: str) -> tuple[list[str], list[list[str]], list[str]]:
    results = [r for r in rs["results"] if r["device"] == device]
    models = [m for m in rs["models"] if any(r["model"] == m for r in results)]
    find = {(r["impl"], r["model"]): r for r in results}
    impls = list(dict.fromkeys(r["impl"] for r in results))
    label = {"mlp": "MLP", "cnn": "CNN"}
    rows, notes = [], []
    if metric == "train":
        header = ["Implementation"] + [
            f"{label.get(m, m)}: samples/s, median (quartiles)" for m in models
        ]
        for impl in impls:
            row = [rs["impls"][impl]["label"]]
            for m in models:
                r = find.get((impl, m))
                row.append(cell(r, spread(r and r.get("train_samples_per_s"))))
            rows.append(row)
        settings = []
        for impl in impls:
            info = next((r["info"] for r in results if r["impl"] == impl and r.get("info")), {})
            shown = ", ".join(f"`{k}={v}`" for k, v in info.items() if k != "keras_backend")
            if shown:
                settings.append(f"{rs['impls'][impl]['label']}: {shown}")
        if settings:
            notes.append("As resolved at run time: " + "; ".join(settings) + ".")
        notes += cpu_notes(rs, results, impls, models)
    elif metric in ("latency1", "latency64"):
        batch = metric.removeprefix("latency")
        header = ["Implementation"] + [
            f"{label.get(m, m)}: ms per call, median (quartiles)" for m in models
        ]
        for impl in impls:
            row = [rs["impls"][impl]["label"]]
            for m in models:
                r = find.get((impl, m))
                row.append(cell(r, spread((r.get("latency_ms") or {}).get(batch) if r else None)))
            rows.append(row)
        keras_rows = [
            rs["impls"][i]["label"] for i in impls if rs["impls"][i]["how"].startswith("model.fit")
        ]
        if keras_rows:
            notes.append(
                f"Rows are named by how each implementation trains: {', '.join(keras_rows)} "
                "time `model.predict_on_batch` here, which returns NumPy."
            )
    elif metric == "ttfs":
        header = ["Implementation", "Model", "Time to first step, s", "Fresh runs"]
        header += ["Start + import, s", "Build, s", "First step, s"]
        missing = []
        for impl in impls:
            for m in models:
                r = find.get((impl, m))
                samples = (r or {}).get("ttfs_s_samples") or []
                if r is None or not (samples or r.get("error")):
                    missing.append(m)
                    continue
                total = fmt(median(samples)) if samples else "–"
                if len(samples) > 1:
                    total += f" ({fmt(min(samples))}–{fmt(max(samples))})"
                parts = breakdown_medians(r) if r else {}
                rows.append([
                    rs["impls"][impl]["label"], label.get(m, m), cell(r, total), str(len(samples)),
                    fmt(parts.get("start_s")), fmt(parts.get("build_s")),
                    fmt(parts.get("first_step_s")),
                ])  # fmt: skip
                w = (r or {}).get("ttfs_warm_cache")
                if w and w.get("ttfs_s") is not None:
                    rows.append([
                        f"{rs['impls'][impl]['label']}, compile cache of an earlier run",
                        label.get(m, m), fmt(w["ttfs_s"]), "1",
                        fmt(w["import_s"] + (w.get("startup_s") or 0)), fmt(w["build_s"]),
                        fmt(w["first_step_s"]),
                    ])  # fmt: skip
        every_run = any(len((r or {}).get("ttfs_runs") or []) > 1 for r in results)
        notes.append(
            "Median, and range over the fresh runs when there are several. The breakdown, "
            + (
                "the median of each part over the fresh runs"
                if every_run
                else "that of the first run"
            )
            + ": interpreter start and framework import, building the model (weights loaded, "
            "optimizer and compiled functions set up), and the first training step."
        )
        if missing:
            names = ", ".join(label.get(m, m) for m in dict.fromkeys(missing))
            notes.append(
                f"Not measured in this run: {names}. A quick run trains both models in one process per "
                "implementation, so only the first model starts in a fresh process."
            )
    else:
        cuda = device == "cuda"
        header = ["Implementation"] + [f"{label.get(m, m)}: peak RSS, MiB" for m in models]
        header += [f"{label.get(m, m)}: CUDA peak, MiB" for m in models] if cuda else []
        for impl in impls:
            rows.append(
                [rs["impls"][impl]["label"]]
                + [
                    cell(find.get((impl, m)), fmt((find.get((impl, m)) or {}).get("peak_rss_mib")))
                    for m in models
                ]
                + (
                    [fmt((find.get((impl, m)) or {}).get("cuda_peak_mib")) for m in models]
                    if cuda
                    else []
                )
            )
        notes.append(
            "Peak resident set size of the whole process (`resource.getrusage`): mostly the framework "
            "itself" + ("; CUDA peak: the framework's allocator, `torch.cuda.max_memory_allocated` or "
                        "TensorFlow's `get_memory_info`." if cuda else ".")
        )  # fmt: skip
        if any("," in r.get("peak_memory_scope", "") for r in results):
            notes.append(
                "In this quick run both models ran in one process per implementation, the MLP first: the "
                "CNN's peak includes the MLP's."
            )
    return header, rows, notes


def breakdown_medians(r: dict) -> dict:
    """Median start + import, build and first step over a result's fresh runs (older files: the
    first run only)."""
    runs = r.get("ttfs_runs") or ([r["ttfs_breakdown"]] if r.get("ttfs_breakdown") else [])
    parts = {}
    for key in ("build_s", "first_step_s"):
        values = [b[key] for b in runs if b.get(key) is not None]
        parts[key] = median(values) if values else None
    starts = [
        b["import_s"] + (b.get("startup_s") or 0) for b in runs if b.get("import_s") is not None
    ]
    parts["start_s"] = median(starts) if starts else None
    return parts


def cpu_recorded(rs: dict) -> bool:
    """Does this result set record CPU time beside wall time (schema 3), for every timed result?"""
    timed = [r for r in rs["results"] if r.get("train_samples_per_s")]
    return bool(timed) and all((r.get("cpu") or {}).get("train") for r in timed)


def share_text(region: dict | None, n_cores: int) -> str:
    if not region or not region["wall_s"]:
        return "–"
    return f"{region['cpu_s'] / (region['wall_s'] * n_cores):.2f}"


def cpu_notes(rs: dict, results: list[dict], impls: list[str], models: list[str]) -> list[str]:
    """The cores and threads each implementation had, and its CPU time against its wall time."""
    if not cpu_recorded(rs):
        return [
            "CPU time was not recorded in this result set, and its workers were not pinned to "
            "cores: it does not show that every implementation used the same number of cores."
        ]
    s = rs["settings"]
    n_cores = len(s["cores"])
    find = {(r["impl"], r["model"]): r for r in results}
    rows = []
    for impl in impls:
        use = next((r["cpu_use"] for r in results if r["impl"] == impl and r.get("cpu_use")), {})
        row = [rs["impls"][impl]["label"], str(use.get("os_threads") or "–")]
        row += [share_text(((find.get((impl, m)) or {}).get("cpu") or {}).get("train"), n_cores)
                for m in models]  # fmt: skip
        rows.append(row)
    header = ["Implementation", "OS threads"]
    header += [f"{MODEL_NAMES.get(m, m)}: CPU time / (wall time × cores)" for m in models]
    pinned = s.get("pinning") == "os.sched_setaffinity"
    cores = ", ".join(map(str, s["cores"]))
    intro = (
        f"CPU use: every process ran on the same {f'{n_cores} cores' if n_cores > 1 else 'core'} "
        f"({cores}, `os.sched_setaffinity`), whatever threads its framework started"
        if pinned
        else f"CPU use: the processes could not be pinned to cores here ({s.get('pinning')})"
    )
    intro += (
        f". A run fails when an implementation uses more CPU time than its wall time × "
        f"{n_cores} core{'s' if n_cores > 1 else ''} (+{s['cpu_tolerance']:.0%}); a ratio "
        "below 1 is time it waited, or lost its core to other processes."
    )
    return [intro, "\n    ".join(table(header, rows))]


def threads_text(rs: dict) -> str:
    names = {
        "torch_num_threads": "torch.set_num_threads",
        "torch_num_interop_threads": "torch.set_num_interop_threads",
        "tf_intra_op_threads": "TF intra-op",
        "tf_inter_op_threads": "TF inter-op",
        "xla_flags": "XLA_FLAGS (Keras on JAX)",
    }
    seen = {}
    for settings in rs["settings"]["thread_settings"].values():
        for key, value in settings.items():
            seen[names.get(key, key)] = value
    details = ", ".join(f"{k} {v}" for k, v in seen.items())
    text = f"{rs['settings']['threads']} for every framework ({details}); OMP_NUM_THREADS likewise"
    if rs["settings"].get("cores"):
        text += f"; every process pinned to core {', '.join(map(str, rs['settings']['cores']))}"
    return text


def loads_text(load: dict, cpus: int) -> str:
    def triple(values):
        return " / ".join(f"{x:.2f}" for x in values)

    return (
        f"before {triple(load['before'])}, after {triple(load['after'])} (1 / 5 / 15 min); "
        f"highest 1-minute reading between processes {load['max_1min']:.2f}; {cpus} CPUs"
    )


def calibration_text(check: dict, why: str = "") -> str:
    c = check["calibration"]
    return (
        f"1-minute load {check['load_average'][0]:.2f} (limit {check['max_load']:.2f}{why}); "
        f"calibration loop {c['median_ms']:.1f} ms, {c['cpu_share']:.0%} of a core, "
        f"spread {c['spread']:.0%}"
    )


def set_title(rs: dict) -> str:
    return f"{rs['machine']['label']}: {DEVICES.get(rs['device'], rs['device'])}"


def under_load(rs: dict) -> bool:
    if "under_load" in rs:
        return bool(rs["under_load"])
    load = rs["load_average"]  # an older file: judged by its load average alone
    return load["max_1min"] > rs["settings"]["threads"] + 0.5


def machine_section(rs: dict, docs_dir: Path) -> list[str]:
    m, s, plan, load = rs["machine"], rs["settings"], rs["plan"], rs["load_average"]
    device = rs["device"]
    target = "make bench-quick" if plan["name"] == "quick" else "make bench"
    run = (
        f"`{target}`: {plan['warmup_steps']} warm-up steps, {plan['repeats']} repeats of "
        f"{plan['steps_per_repeat']} training steps; {plan['latency_calls']} timed inference calls per "
        f"batch size after {plan['latency_warmup']} warm-up calls; {plan['ttfs_runs']} fresh "
        f"process{'es' if plan['ttfs_runs'] > 1 else ''} per implementation and model for the time to "
        f"first step; one process per {s['process_per']}; {fmt(rs['duration_s'])} s in all"
    )
    memory = f", {m['memory_gib']} GiB RAM" if m.get("memory_gib") else ""
    rows = [
        ["CPU", f"{m['cpu']}, {m['logical_cpus']} logical CPUs{memory}"],
        ["GPU", ", ".join(m["gpus"]) if m["gpus"] else "none"],
        ["OS", m["os"]],
        ["Versions", ", ".join(f"{k} {val}" for k, val in rs["versions"].items())],
        [
            "Work",
            f"batch {s['batch_size']}, {s['dtype']}, plain SGD with learning rate {s['learning_rate']}",
        ],
        ["Threads", threads_text(rs)],
        ["Run", run],
        ["Date (UTC)", rs["date"].replace("T", " ").removesuffix("+00:00")],
        ["Load average", loads_text(load, m["logical_cpus"])],
    ]
    check = rs.get("machine_check")
    if check:
        rows.append(["Idle check before", calibration_text(check["before"], ": half the CPUs")])
        rows.append([
            "Idle check after",
            calibration_text(check["after"], ": the benchmark's own threads + 0.5, or the limit before"
                             if "limit_during" in load else ""),
        ])  # fmt: skip
    if rs.get("note"):
        rows.append(["Note", rs["note"]])
    out = [f"### {set_title(rs)}", ""]
    out += table(["Result set", f"[{rs['_file']}]({RESULTS}/{rs['_file']})"], rows) + [""]
    if under_load(rs):
        why = []
        if check:
            why = check["before"]["busy"] + [f"after the run: {b}" for b in check["after"]["busy"]]
        why.append(
            f"the 1-minute load average reached {load['max_1min']:.2f} on {m['logical_cpus']} CPUs, "
            f"of which the benchmark itself accounts for about {s['threads']}"
        )
        why += [
            f"{rs['impls'][impl]['label']} got {share:.0%} of its core{'s' if s['threads'] > 1 else ''}"
            for impl, share in (rs.get("starved") or {}).items()
        ]
        out += [
            '!!! danger "Taken under load"',
            "    Other processes competed for the CPU while this set was measured: "
            + "; ".join(why)
            + ". Expect wider spreads and shifted medians: do not quote these figures.",
            "",
        ]
    reference = rs["correctness"][0]["reference"] if rs["correctness"] else None
    out += [
        "#### Correctness check",
        "",
        f"Every implementation started from the same weights and took {s['check_steps']} plain SGD steps "
        f"on the same data; its loss is compared with {rs['impls'].get(reference, {}).get('label')}'s "
        f"(tolerance {s['check_tolerance']}). An implementation is timed only after it passes.",
        "",
    ]
    rows = [
        [
            MODEL_LAYERS.get(c["model"], rs["models"][c["model"]]),
            f"{c['losses'].get(c['reference'], float('nan')):.6f}",
            f"{c['max_abs_diff']:.1e}" if c["max_abs_diff"] is not None else "–",
            "passed" if c["passed"] else "**failed**",
        ]
        for c in rs["correctness"]
    ]
    out += table(["Model", "Reference loss", "Largest difference", "Check"], rows) + [""]
    out += ["#### Measurements", ""]
    for metric, tab in METRICS.items():
        chart = f"{m['slug']}-{device}-{metric}.svg"
        if not (docs_dir / CHARTS / chart).is_file():
            log.warning("benchmarks: %s/%s is missing: run `make bench-quick`", CHARTS, chart)
        header, rows, notes = metric_rows(rs, device, metric)
        out += [
            f'=== "{tab}"',
            "",
            f"    ![{tab}, {DEVICES.get(device, device)}, {m['label']}]({CHARTS}/{chart})",
            "",
        ]
        out += ["    " + line for line in table(header, rows)] + [""]
        out += [f"    {note}\n" for note in notes]
    errors = [r for r in rs["results"] if r.get("error")]
    errors += [r for r in rs.get("sweep") or [] if r.get("error")]
    if errors:
        out += ['!!! failure "Failed runs"', ""]
        out += [
            f"    - {rs['impls'][r['impl']]['label']}, "
            f"{r.get('model') or 'sweep ' + str(r['hidden']) + ':' + str(r['batch'])}: {r['error']}"
            for r in errors
        ]
        out += [""]
    out += sweep_section(rs, docs_dir)
    return out


def sweep_section(rs: dict, docs_dir: Path) -> list[str]:
    out = ["#### How throughput grows with the work (MLP sweep)", ""]
    if not rs.get("sweep"):
        return out + ["This result set has no sweep: `make bench` measures it.", ""]
    s, plan = rs["settings"], rs["plan"]
    out += [
        f"The MLP 784-*width*-10 trained at batch {s['batch_size']} for widths "
        f"{', '.join(map(str, plan['sweep_widths']))}, and at width {s['sweep_batch_width']} for "
        f"batch sizes {', '.join(map(str, plan['sweep_batches']))}: a new model per point, "
        f"{plan['sweep_repeats']} repeats of as many steps as fill about "
        f"{plan['sweep_budget_s'] / plan['sweep_repeats'] * 1e3:.0f} ms each, and at least "
        f"{plan.get('sweep_min_steps', 2)} (Keras rows time one `fit()` call per repeat)."
        + (
            f" Left out of this {plan['name']} run's sweep (a compilation per point): "
            + ", ".join(rs["impls"][i]["label"] for i in plan["sweep_skip"] if i in rs["impls"])
            + "."
            if plan.get("sweep_skip")
            else ""
        ),
        "",
    ]
    for key, tab in (("sweep-width", "Against width"), ("sweep-batch", "Against batch size")):
        chart = f"{rs['machine']['slug']}-{rs['device']}-{key}.svg"
        if not (docs_dir / CHARTS / chart).is_file():
            log.warning("benchmarks: %s/%s is missing: run `make bench`", CHARTS, chart)
        field = "hidden" if key == "sweep-width" else "batch"
        fixed = (
            ("batch", s["batch_size"]) if field == "hidden" else ("hidden", s["sweep_batch_width"])
        )
        points = sorted({r[field] for r in rs["sweep"] if r.get(fixed[0]) == fixed[1]})
        find = {(r["impl"], r[field]): r for r in rs["sweep"] if r.get(fixed[0]) == fixed[1]}
        rows = []
        for impl in dict.fromkeys(r["impl"] for r in rs["sweep"]):
            row = [rs["impls"][impl]["label"]]
            for x in points:
                r = find.get((impl, x))
                row.append(cell(r, spread(r and r.get("train_samples_per_s"))))
            rows.append(row)
        header = ["Implementation"] + [f"{field.replace('hidden', 'width')} {x}" for x in points]
        out += [f'=== "{tab}"', "", f"    ![{tab}]({CHARTS}/{chart})", ""]
        out += ["    " + line for line in table(header, rows)] + [""]
        out += ["    Samples/s, median (quartiles).", ""]
    shares = sweep_cpu_text(rs)
    if shares:
        out += [shares, ""]
    return out


def sweep_cpu_text(rs: dict) -> str:
    """The range, over the sweep's points, of each implementation's CPU time / (wall x cores)."""
    n_cores = len(rs["settings"].get("cores") or [])
    by_impl: dict[str, list[float]] = {}
    for r in rs.get("sweep") or []:
        region = (r.get("cpu") or {}).get("train")
        if n_cores and region and region["wall_s"]:
            share = region["cpu_s"] / (region["wall_s"] * n_cores)
            by_impl.setdefault(r["impl"], []).append(share)
    if not by_impl:
        return ""
    ranges = "; ".join(
        f"{rs['impls'][impl]['label']} {min(v):.2f}–{max(v):.2f}" for impl, v in by_impl.items()
    )
    return (
        "CPU time / (wall time × cores) over the sweep's points, checked as for the main "
        f"measurements: {ranges}."
    )


def implementations(sets: list[dict]) -> str:
    impls, models = {}, {}
    for rs in sets:
        impls.update(rs["impls"])
        models.update(rs["models"])
    lines = table(["Implementation", "What runs"], [[i["label"], i["how"]] for i in impls.values()])
    layers = [[key.upper(), MODEL_LAYERS.get(key, desc)] for key, desc in models.items()]
    lines += ["", *table(["Model", "Layers"], layers)]
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    docs_dir = Path(config["docs_dir"])
    sets = load_result_sets(docs_dir)
    for marker in (IMPLEMENTATIONS_MARKER, TABLES_MARKER, SUMMARY_MARKER):
        if marker not in markdown:
            log.warning("benchmarks: %s has no %s marker", PAGE, marker)
    if not sets:
        log.warning("benchmarks: no results in docs/%s: run `make bench-quick`", RESULTS)
        return markdown
    body = []  # charts and data are linked relative to docs/benchmarks.md
    for rs in sets:
        body += machine_section(rs, docs_dir)
    markdown = markdown.replace(IMPLEMENTATIONS_MARKER, implementations(sets))
    markdown = markdown.replace(SUMMARY_MARKER, summary(sets) + "\n\n" + overview(sets))
    return markdown.replace(TABLES_MARKER, "\n".join(body))


# ---- Words from data: every sentence below is computed from a result set when the page is built. ----

SUMMARY_MARKER = "<!-- benchmarks:summary -->"
PAIRS = {"torch-compile": "torch-eager", "tf-xla": "tf-function"}  # compiled -> its eager twin
MODEL_NAMES = {"mlp": "MLP", "cnn": "CNN"}


def rate(rs: dict, impl: str, model: str) -> float | None:
    for r in rs["results"]:
        if (r["impl"], r["model"]) == (impl, model) and r.get("train_samples_per_s"):
            return r["train_samples_per_s"]["median"]
    return None


def first_cost(rs: dict, impl: str, model: str) -> tuple[float, int] | None:
    """Seconds from the model's construction to the end of its first step (build + first step):
    the median over the fresh runs that recorded it, and how many did (older files: the first)."""
    for r in rs["results"]:
        if (r["impl"], r["model"]) == (impl, model):
            runs = r.get("ttfs_runs") or [r.get("ttfs_breakdown") or {}]
            costs = [
                b["build_s"] + b["first_step_s"]
                for b in runs
                if b.get("build_s") is not None and b.get("first_step_s") is not None
            ]
            return (median(costs), len(costs)) if costs else None
    return None


def warm_cost(rs: dict, impl: str, model: str) -> float | None:
    """Build + first step of the one process that started with the compile cache of an earlier
    run (torch.compile, full plan), if the set has it."""
    for r in rs["results"]:
        if (r["impl"], r["model"]) == (impl, model) and r.get("ttfs_warm_cache"):
            w = r["ttfs_warm_cache"]
            if w.get("build_s") is not None and w.get("first_step_s") is not None:
                return w["build_s"] + w["first_step_s"]
    return None


def stats_of(rs: dict, impl: str, model: str) -> dict | None:
    for r in rs["results"]:
        if (r["impl"], r["model"]) == (impl, model) and r.get("train_samples_per_s"):
            return r["train_samples_per_s"]
    return None


def same_point_in_sweep(rs: dict, model: str) -> dict[str, float]:
    """{impl: samples/s} of the sweep's measurement of the benchmarked MLP itself (width 128 at
    the benchmark's batch size), measured again in another process: empty for the CNN."""
    if model != "mlp":
        return {}
    batch, width = rs["settings"]["batch_size"], rs["settings"].get("sweep_batch_width", 128)
    return {
        r["impl"]: r["train_samples_per_s"]["median"]
        for r in rs.get("sweep") or []
        if (r.get("hidden"), r.get("batch")) == (width, batch) and r.get("train_samples_per_s")
    }


def times(ratio: float) -> str:
    if ratio < 1.1:
        return f"{ratio:.2f}×"
    return f"{ratio:.1f}×" if ratio < 10 else f"{ratio:.0f}×"


def rounded(n: float) -> str:
    """Two significant figures: 1,234 -> 1,200."""
    if n < 10:
        return f"{n:.0f}"
    digits = len(str(int(n))) - 2
    return f"{round(n, -digits):,.0f}"


def label_of(rs: dict, impl: str) -> str:
    return rs["impls"][impl]["label"]


def fastest_sentences(rs: dict) -> list[str]:
    """The fastest implementation per model, named only when the measurement tells it apart: its
    quartiles clear of the next one's, and the sweep's measurement of the same MLP agreeing.
    A result set that does not record CPU time names none (equal cores not shown)."""
    if not cpu_recorded(rs):
        return []
    out = []
    for model in rs["models"]:
        ranked = sorted(
            ((rate(rs, i, model), i) for i in rs["impls"] if rate(rs, i, model)), reverse=True
        )
        if len(ranked) < 2:
            continue
        (best, first), (second, runner_up), (worst, last) = ranked[0], ranked[1], ranked[-1]
        name = MODEL_NAMES.get(model, model)
        slowest = (
            f"{label_of(rs, last)} is slowest, at {worst / best:.2f}× the throughput of "
            f"{label_of(rs, first)}."
        )
        doubts = []
        if stats_of(rs, first, model)["q1"] <= stats_of(rs, runner_up, model)["q3"]:
            doubts.append("their quartiles overlap")
        again = same_point_in_sweep(rs, model)
        if first in again and runner_up in again and again[runner_up] >= again[first]:
            doubts.append(
                f"the sweep, which measures the same model at the same batch size again, puts "
                f"{label_of(rs, runner_up)} ahead ({fmt(again[runner_up])} against "
                f"{fmt(again[first])} samples/s)"
            )
        if doubts:
            out.append(
                f"**{name}**: {label_of(rs, first)} and {label_of(rs, runner_up)} are not told "
                f"apart ({fmt(best)} and {fmt(second)} samples/s): {' and '.join(doubts)}. "
                f"{slowest}"
            )
            continue
        out.append(
            f"**{name}**: {label_of(rs, first)} trains fastest, "
            f"{fmt(best)} samples/s: {times(best / second)} the throughput of "
            f"{label_of(rs, runner_up)} (next fastest) and {times(best / worst)} that of "
            f"{label_of(rs, last)} (slowest)."
        )
    return out


def compile_sentences(rs: dict) -> tuple[list[str], list[tuple[str, str]]]:
    """Sentences on whether compilation pays off, and the (compiled impl, model) pairs that lose."""
    out, losing = [], []
    for compiled, eager in PAIRS.items():
        for model in rs["models"]:
            rc, re_ = rate(rs, compiled, model), rate(rs, eager, model)
            if not (rc and re_):
                continue
            name, base = label_of(rs, compiled), label_of(rs, eager)
            cc, ce = first_cost(rs, compiled, model), first_cost(rs, eager, model)
            extra = cc[0] - ce[0] if cc is not None and ce is not None else None
            runs = min(cc[1], ce[1]) if extra is not None else 0
            over = f"median of {runs} fresh runs" if runs > 1 else "first fresh run"
            cost = (
                f" its first step costs {fmt(extra)} s more ({over})" if extra is not None else ""
            )
            warm = warm_cost(rs, compiled, model)
            if cost and warm is not None:
                cost += f", {fmt(warm - ce[0])} s more with the compile cache an earlier run left"
            what = f"{name} on the {MODEL_NAMES.get(model, model)}"
            if rc < 0.95 * re_:
                losing.append((compiled, model))
                out.append(
                    f"{what} trains at {rc / re_:.2f}× the throughput of {base}: compilation "
                    f"does not pay off here, at any number of steps{';' + cost if cost else ''}."
                )
            elif rc <= 1.05 * re_:
                out.append(
                    f"{what} trains at the throughput of {base} ({rc / re_:.3f}×, within the"
                    f" ±5% this page counts as equal):{cost + ',' if cost else ''} for no steady-state"
                    " gain."
                )
            else:
                batch = rs["settings"]["batch_size"]
                saving = batch / re_ - batch / rc  # seconds saved per step
                if extra is not None and extra <= 0:
                    cost, when = " its first step is no slower, so it pays off from the start", ""
                elif extra is not None:
                    when = f" and pays that back after about {rounded(extra / saving)} steps"
                else:
                    when = ""
                out.append(f"{what} trains {times(rc / re_)} faster than {base};{cost}{when}.")
    return out, losing


def sweep_sentences(rs: dict) -> list[str]:
    from bench.charts import sweep_lines

    out = []
    for key, noun in (("sweep-width", "width"), ("sweep-batch", "batch")):
        lines = sweep_lines(rs, key)
        if len(lines) < 2:
            continue
        by_x: dict[int, dict[str, float]] = {}
        for impl, points in lines.items():
            for x, st in points:
                by_x.setdefault(x, {})[impl] = st["median"]
        xs = sorted(by_x)
        if len(xs) < 2:
            continue
        lo, hi = by_x[xs[0]], by_x[xs[-1]]
        out.append(
            f"Across the {noun} sweep, the fastest implementation trains "
            f"{times(max(lo.values()) / min(lo.values()))} the samples/s of the slowest at "
            f"{noun} {xs[0]}, and {times(max(hi.values()) / min(hi.values()))} at {noun} {xs[-1]}."
        )
        for compiled, eager in PAIRS.items():
            ahead = [x for x in xs if compiled in by_x[x] and eager in by_x[x]]
            if not ahead:
                continue
            wins = [x for x in ahead if by_x[x][compiled] > 1.05 * by_x[x][eager]]
            ratios = ", ".join(f"{by_x[x][compiled] / by_x[x][eager]:.2f}× at {x}" for x in ahead)
            verdict = (
                f"is more than 5% faster than {label_of(rs, eager)} at {noun} "
                + ", ".join(map(str, wins))
                if wins
                else f"is never more than 5% faster than {label_of(rs, eager)}"
            )
            out.append(f"In the {noun} sweep {label_of(rs, compiled)} {verdict} ({ratios}).")
    return out


def overhead_sentence(rs: dict, compiled: str, model: str) -> tuple[str, bool] | None:
    """What the MLP width sweep shows of the gap, and whether that explains it: a fixed cost per
    step (about the same time lost at every width) does; a gap that only narrows does not."""
    from bench.charts import sweep_lines

    if model != "mlp":
        return None
    lines = sweep_lines(rs, "sweep-width")
    eager = PAIRS[compiled]
    if compiled not in lines or eager not in lines:
        return None
    c = {x: st["median"] for x, st in lines[compiled]}
    e = {x: st["median"] for x, st in lines[eager]}
    xs = sorted(set(c) & set(e))
    if len(xs) < 2:
        return None
    batch = rs["settings"]["batch_size"]
    lo, hi = xs[0], xs[-1]
    if not (c[lo] < 0.95 * e[lo] and c[hi] >= 0.9 * e[hi]):
        return None
    extra_us = {x: (batch / c[x] - batch / e[x]) * 1e6 for x in (lo, hi)}
    fixed_cost = abs(extra_us[hi]) <= 2 * extra_us[lo]
    text = (
        f"At width {lo} its steps take {extra_us[lo]:.0f} µs longer than "
        f"{label_of(rs, eager)}'s ({c[lo] / e[lo]:.2f}× the throughput); at width {hi}, where a "
        f"step does about {(hi / lo):.0f}× the arithmetic, the ratio is {c[hi] / e[hi]:.2f}× "
        f"({extra_us[hi]:+.0f} µs per step). "
        + (
            "About the same time lost per step at both widths: a cost per call around the "
            "compiled code, not slower arithmetic, and it stops mattering once a step is long "
            "enough."
            if fixed_cost
            else "The relative gap closes as the work per step grows, but the time lost per step "
            "grows too, so this sweep does not say why."
        )
    )
    return text, fixed_cost


def explain_sentences(rs: dict, losing: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """The measured explanation of each losing compiled implementation, and what stays unexplained."""
    ex, out, unexplained = rs.get("explain"), [], []
    for compiled, model in losing:
        name = f"{label_of(rs, compiled)} on the {MODEL_NAMES.get(model, model)}"
        overhead = overhead_sentence(rs, compiled, model)
        if overhead:
            text, explains = overhead
            title = f"Why {name} loses" if explains else f"How the gap of {name} changes with width"
            out.append(f"**{title}.** {text}")
            if not explains:
                unexplained.append(name)
            continue
        if not ex or model != ex["model"] or rs["device"] != "cpu":
            unexplained.append(name)
            continue
        if compiled == "torch-compile":
            t = ex["torch"]
            eager, comp, aten = (
                t["eager_train_ms"],
                t["compiled_train_ms"],
                t["compiled_pools_in_aten_train_ms"],
            )
            kernels = ", ".join(
                f"`{k['name']}` ({k['share']:.0%})" if "share" in k else f"`{k['name']}`"
                for k in t["compiled_kernels"][:3]
            )
            if comp > 1.2 * eager and aten < 1.2 * eager:
                out.append(
                    f"**Why {name} loses.** A training step takes {eager:.2f} ms of CPU in eager "
                    f"mode and {comp:.2f} ms compiled; compiled with its two max-pool layers left to "
                    f"ATen's kernels (`torch.compiler.disable`), {aten:.2f} ms. The loss is in the "
                    f"C++ that Inductor generates for max-pooling with indices and its backward "
                    f"(its costliest kernels, with their share of the profiled step: {kernels}). Dynamo compiled {t['graphs']} "
                    f"graphs (training and inference) with {t['recompiles']} recompilations: no "
                    f"shape changes between steps are involved."
                )
            else:
                unexplained.append(name)
        elif compiled == "tf-xla":
            on, off = ex["tf-onednn"], ex["tf-no-onednn"]
            tf_on, tf_off, xla = (
                on["tf-function_train_ms"],
                off["tf-function_train_ms"],
                on["tf-xla_train_ms"],
            )
            if xla > 1.2 * tf_on and abs(tf_off - xla) < 0.25 * xla:
                out.append(
                    f"**Why {name} loses.** A training step takes {tf_on:.2f} ms of CPU with "
                    f"tf.function and {xla:.2f} ms with XLA. With TensorFlow's oneDNN kernels "
                    f"turned off (`TF_ENABLE_ONEDNN_OPTS=0`) tf.function takes {tf_off:.2f} ms, "
                    f"close to XLA's {off['tf-xla_train_ms']:.2f} ms: the gap is oneDNN's "
                    f"convolutions, which TensorFlow uses by default on x86 CPUs and XLA's CPU "
                    f"code does not. Forward pass, batch 64: {on['tf-function_infer_ms']:.2f} ms "
                    f"against {on['tf-xla_infer_ms']:.2f} ms."
                )
            else:
                unexplained.append(name)
    return out, unexplained


def arithmetic_sentences(rs: dict) -> list[str]:
    """How much of an MLP training step is arithmetic, per implementation, from the width sweep:
    the step's matrix-product FLOPs (bench.common.mlp_step_flops) at the smallest width, counted at
    the best rate (FLOP/s) the implementation reaches anywhere in the sweep; the rest of the step
    is time around the arithmetic (framework overhead, and small products running below that rate)."""
    from bench.charts import sweep_lines

    lines = sweep_lines(rs, "sweep-width")
    batch = rs["settings"]["batch_size"]
    found, around_most, arithmetic_most = [], [], []
    for impl, points in lines.items():
        if len(points) < 2:
            continue
        step = {w: batch / st["median"] for w, st in points}
        flop_rate = {w: mlp_step_flops(w, batch) / t for w, t in step.items()}
        best = max(flop_rate, key=flop_rate.get)
        small = min(step)
        arithmetic = mlp_step_flops(small, batch) / flop_rate[best]
        share = arithmetic / step[small]
        (arithmetic_most if share >= 0.5 else around_most).append(label_of(rs, impl))
        found.append(
            f"{label_of(rs, impl)}: {step[small] * 1e3:.3f} ms per step at width {small}, whose "
            f"{mlp_step_flops(small, batch) / 1e6:.0f} MFLOP take {arithmetic * 1e3:.3f} ms at "
            f"the {flop_rate[best] / 1e9:.1f} GFLOP/s it reaches at width {best}: "
            f"{share:.0%} arithmetic, {(step[small] - arithmetic) * 1e3:.3f} ms around it."
        )
    if not found:
        return []
    small = min(x for points in lines.values() for x, _ in points)
    verdict = []
    if around_most:
        verdict.append(
            f"more than half of the step is time around the arithmetic for {', '.join(around_most)}"
        )
    if arithmetic_most:
        verdict.append(f"at least half is arithmetic for {', '.join(arithmetic_most)}")
    head = (
        f"**Arithmetic and overhead in an MLP step** (batch {batch}, from the width sweep). At width "
        f"{small}, {'; '.join(verdict)}. The arithmetic is the step's matrix products "
        "(forward, and backward for the weights and the hidden layer), counted at the best rate the "
        "sweep measured for each implementation; smaller products may run below that rate, so the "
        "time around the arithmetic is at most the framework's overhead:"
    )
    return [head, "", *[f"- {line}" for line in found], ""]


def summary(sets: list[dict]) -> str:
    lines = []
    for rs in sets:
        lines += [f"### In brief: {set_title(rs)}", ""]
        if under_load(rs):
            lines += [
                '!!! danger "Taken under load"',
                "    Other processes competed for the CPU during this run (details below): "
                "these sentences describe a loaded machine.",
                "",
            ]
        if not cpu_recorded(rs):
            lines += [
                '!!! warning "Equal CPU use not shown"',
                "    This result set does not record the CPU time of each implementation, and its "
                "processes were not pinned to cores: it does not show that every implementation "
                "used the same number of cores, so no implementation is named fastest here.",
                "",
            ]
        fastest = fastest_sentences(rs)
        compiles, losing = compile_sentences(rs)
        lines += [f"- {s}" for s in fastest + compiles + sweep_sentences(rs)] + [""]
        lines += arithmetic_sentences(rs)
        explained, unexplained = explain_sentences(rs, losing)
        lines += [f"{s}\n" for s in explained]
        if unexplained:
            lines += [
                '!!! warning "Unexplained results"',
                f"    {', '.join(unexplained)}: slower than without compilation, against what "
                "compilation promises, and no measurement in this result set explains why.",
                "",
            ]
    return "\n".join(lines)


def overview(sets: list[dict]) -> str:
    """Training throughput of every result set side by side: CPU and GPU columns, one row per impl."""
    header, columns = ["Implementation"], []
    for rs in sets:
        for model in rs["models"]:
            header.append(f"{set_title(rs)}, {MODEL_NAMES.get(model, model)}")
            columns.append((rs, model))
    impls = list(dict.fromkeys(i for rs in sets for i in rs["impls"]))
    labels = {i: rs["impls"][i]["label"] for rs in sets for i in rs["impls"]}
    rows = [[labels[i]] + [fmt(rate(rs, i, model)) for rs, model in columns] for i in impls]
    note = "Training throughput, samples/s (median)"
    if any(under_load(rs) for rs in sets):
        loaded = ", ".join(set_title(rs) for rs in sets if under_load(rs))
        note += f"; taken under load: {loaded}"
    return "\n".join([*table(header, rows), "", note + "."])
