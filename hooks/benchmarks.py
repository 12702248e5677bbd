"""MkDocs hook: render the benchmarks page's tables and charts from the results files, at build time.

`make bench` / `make bench-quick` (bench/run.py) write docs/benchmarks/results/<machine>.json and the
SVG charts docs/benchmarks/charts/<machine>-<device>-<metric>.svg. This hook replaces two markers in
docs/benchmarks.md:

- `<!-- benchmarks:implementations -->`: what each implementation runs;
- `<!-- benchmarks:tables -->`: per machine, its description (CPU, GPU, versions, threads, date, load),
  the correctness check, then per device the charts and tables of every metric.

No number on the page is typed by hand. A missing marker, results file or chart is a warning, so the
strict build fails.
"""

import json
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # MkDocs loads hooks by path
from bench.charts import fmt as format_number  # noqa: E402

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
    sets = []
    for path in sorted((docs_dir / RESULTS).glob("*.json")):
        data = json.loads(path.read_text())
        data["_file"] = path.name
        sets.append(data)
    return sorted(sets, key=lambda s: s["machine"]["label"])


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
    elif metric == "ttfs":
        header = ["Implementation", "Model", "Time to first step, s", "Fresh runs"]
        header += ["Start + import, s", "Build, s", "First step, s"]
        missing = []
        for impl in impls:
            for m in models:
                r = find.get((impl, m))
                samples, b = (
                    (r or {}).get("ttfs_s_samples") or [],
                    (r or {}).get("ttfs_breakdown") or {},
                )
                if r is None or not (samples or r.get("error")):
                    missing.append(m)
                    continue
                total = fmt(median(samples)) if samples else "–"
                if len(samples) > 1:
                    total += f" ({fmt(min(samples))}–{fmt(max(samples))})"
                start = b.get("import_s")
                start = start + (b.get("startup_s") or 0) if start is not None else None
                rows.append([
                    rs["impls"][impl]["label"], label.get(m, m), cell(r, total), str(len(samples)),
                    fmt(start), fmt(b.get("build_s")), fmt(b.get("first_step_s")),
                ])  # fmt: skip
        notes.append(
            "Median, and range over the fresh runs when there are several. The breakdown is that of the "
            "first run: interpreter start and framework import, building the model (weights loaded, "
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


def threads_text(rs: dict) -> str:
    names = {
        "torch_num_threads": "torch.set_num_threads",
        "torch_num_interop_threads": "torch.set_num_interop_threads",
        "tf_intra_op_threads": "TF intra-op",
        "tf_inter_op_threads": "TF inter-op",
    }
    seen = {}
    for settings in rs["settings"]["thread_settings"].values():
        for key, value in settings.items():
            seen[names.get(key, key)] = value
    details = ", ".join(f"{k} {v}" for k, v in seen.items())
    return f"{rs['settings']['threads']} for every framework ({details}); OMP_NUM_THREADS likewise"


def loads_text(load: dict, cpus: int) -> str:
    def triple(values):
        return " / ".join(f"{x:.2f}" for x in values)

    return (
        f"before {triple(load['before'])}, after {triple(load['after'])} (1 / 5 / 15 min); "
        f"highest 1-minute reading between processes {load['max_1min']:.2f}; {cpus} CPUs"
    )


def machine_section(rs: dict, docs_dir: Path) -> list[str]:
    m, s, plan, load = rs["machine"], rs["settings"], rs["plan"], rs["load_average"]
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
    if rs.get("note"):
        rows.append(["Note", rs["note"]])
    out = [f"### {m['label']}", ""]
    out += table(["Result set", f"[{rs['_file']}]({RESULTS}/{rs['_file']})"], rows) + [""]
    if (
        load["max_1min"] > s["threads"] + 0.5
    ):  # the benchmark itself keeps about `threads` CPUs busy
        out += [
            '!!! warning "Measured on a busy machine"',
            f"    Other processes competed for the CPU while this set was measured: the 1-minute load "
            f"average reached {load['max_1min']:.2f} on {m['logical_cpus']} CPUs, of which the benchmark "
            f"itself accounts for about {s['threads']}. Expect wider spreads and shifted medians: compare "
            "these numbers with care, and run `make bench` on an idle machine for figures to quote.",
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
            DEVICES.get(c["device"], c["device"]),
            rs["models"][c["model"]],
            f"{c['losses'].get(c['reference'], float('nan')):.6f}",
            f"{c['max_abs_diff']:.1e}" if c["max_abs_diff"] is not None else "–",
            "passed" if c["passed"] else "**failed**",
        ]
        for c in rs["correctness"]
    ]
    out += table(["Device", "Model", "Reference loss", "Largest difference", "Check"], rows) + [""]
    devices = list(dict.fromkeys(r["device"] for r in rs["results"]))
    for device in DEVICES:
        out += [f"#### {DEVICES[device]}", ""]
        if device not in devices:
            why = (
                "This machine has no GPU, so this result set has no CUDA numbers. `make bench` adds "
                "them when it runs on a machine with an NVIDIA GPU (it looks with `nvidia-smi`)."
                if not m["gpus"]
                else "This run was limited to the CPU (`python -m bench.run --devices cpu`)."
            )
            out += ['!!! note "No GPU results"', f"    {why}", ""]
            continue
        for metric, tab in METRICS.items():
            chart = f"{m['slug']}-{device}-{metric}.svg"
            if not (docs_dir / CHARTS / chart).is_file():
                log.warning("benchmarks: %s/%s is missing: run `make bench-quick`", CHARTS, chart)
            header, rows, notes = metric_rows(rs, device, metric)
            out += [
                f'=== "{tab}"',
                "",
                f"    ![{tab}, {DEVICES[device]}, {m['label']}]({CHARTS}/{chart})",
                "",
            ]
            out += ["    " + line for line in table(header, rows)] + [""]
            out += [f"    {note}\n" for note in notes]
        errors = [r for r in rs["results"] if r["device"] == device and r.get("error")]
        if errors:
            out += ['!!! failure "Failed runs"', ""]
            out += [
                f"    - {rs['impls'][r['impl']]['label']}, {r['model']}: {r['error']}"
                for r in errors
            ]
            out += [""]
    return out


def implementations(sets: list[dict]) -> str:
    impls, models = {}, {}
    for rs in sets:
        impls.update(rs["impls"])
        models.update(rs["models"])
    lines = table(["Implementation", "What runs"], [[i["label"], i["how"]] for i in impls.values()])
    lines += [
        "",
        *table(["Model", "Layers"], [[key.upper(), desc] for key, desc in models.items()]),
    ]
    return "\n".join(lines)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri != PAGE:
        return markdown
    docs_dir = Path(config["docs_dir"])
    sets = load_result_sets(docs_dir)
    for marker in (IMPLEMENTATIONS_MARKER, TABLES_MARKER):
        if marker not in markdown:
            log.warning("benchmarks: %s has no %s marker", PAGE, marker)
    if not sets:
        log.warning("benchmarks: no results in docs/%s: run `make bench-quick`", RESULTS)
        return markdown
    body = []  # charts and data are linked relative to docs/benchmarks.md
    for rs in sets:
        body += machine_section(rs, docs_dir)
    markdown = markdown.replace(IMPLEMENTATIONS_MARKER, implementations(sets))
    return markdown.replace(TABLES_MARKER, "\n".join(body))
