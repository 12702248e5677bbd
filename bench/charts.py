"""Write a result set (docs/benchmarks/results/<machine>-<device>.json) and its SVG charts.

Hand-written SVG, no plotting library: one chart per machine, device and metric, one panel per model,
one bar per implementation (the median), a whisker for the spread (quartiles, or min-max); and two line
charts of the MLP sweep (throughput against width, against batch size; log-log axes, one line per
implementation, a vertical bar for the quartiles at each point).

    python -m bench.charts     # redraw every chart from the results files (no measuring)
"""

import json
import sys
from html import escape
from pathlib import Path

from .common import IMPLS, MODELS

OUT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks"

COLORS = {
    "torch-eager": "#ee4c2c",
    "torch-compile": "#9c2a14",
    "keras-fit": "#d00000",
    "tf-function": "#ff8f00",
    "tf-xla": "#c26a00",
    "keras-torch": "#7b1fa2",
    "keras-jax": "#1565c0",
}
DASHES = {"torch-compile": "6 3", "tf-xla": "6 3", "keras-fit": "2 2"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


def metric_value(result: dict, metric: str) -> tuple[float, float, float] | None:
    """(median, low, high) of one metric, or None when it was not measured."""
    if metric == "train" and result.get("train_samples_per_s"):
        s = result["train_samples_per_s"]
        return s["median"], s["q1"], s["q3"]
    if metric in ("latency1", "latency64") and result.get("latency_ms"):
        s = result["latency_ms"][metric.removeprefix("latency")]
        return s["median"], s["q1"], s["q3"]
    if metric == "ttfs" and result.get("ttfs_s_samples"):
        v = sorted(result["ttfs_s_samples"])
        median = v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2
        return median, v[0], v[-1]
    if metric == "memory" and result.get("peak_rss_mib"):
        return result["peak_rss_mib"], result["peak_rss_mib"], result["peak_rss_mib"]
    return None


METRICS = {
    "train": ("Training throughput", "samples/s, higher is better; whisker: quartiles", ""),
    "latency1": (
        "Inference latency, batch 1",
        "ms per call, lower is better; whisker: quartiles",
        " ms",
    ),
    "latency64": (
        "Inference latency, batch 64",
        "ms per call, lower is better; whisker: quartiles",
        " ms",
    ),
    "ttfs": (
        "Time to first step",
        "s from a fresh process: import + build + first step; whisker: min-max",
        " s",
    ),
    "memory": ("Peak memory (RSS)", "MiB, whole process, lower is better", " MiB"),
}


def fmt(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    if value >= 100:
        return f"{value:.0f}"
    if value >= 10:
        return f"{value:.1f}"
    if value >= 0.1:
        return f"{value:.2f}"
    return f"{value:.3f}"


def chart_svg(result_set: dict, device: str, metric: str) -> str:
    title, subtitle, unit = METRICS[metric]
    machine = result_set["machine"]["label"]
    results = [r for r in result_set["results"] if r["device"] == device]
    models = [m for m in MODELS if any(r["model"] == m for r in results)]
    width, label_w, bar_x, row_h = 760, 200, 210, 24
    bar_max = width - bar_x - 110
    parts, y = [], 28
    parts.append(
        f'<text x="16" y="{y}" font-size="16" font-weight="600">{escape(title)} ({device.upper()})</text>'
    )
    y += 18
    parts.append(
        f'<text x="16" y="{y}" font-size="12" fill="#555">{escape(subtitle)}. {escape(machine)}</text>'
    )
    y += 10
    skipped = []
    for model in models:
        rows = [r for r in results if r["model"] == model]
        values = [metric_value(r, metric) for r in rows]
        if not any(values) and not any(r.get("error") for r in rows):
            skipped.append(model.upper())  # e.g. a quick run's second model: no fresh process
            continue
        top = max((v[2] for v in values if v), default=1.0) or 1.0
        y += 26
        parts.append(
            f'<text x="16" y="{y}" font-size="13" font-weight="600">{escape(MODELS[model])}</text>'
        )
        y += 8
        parts.append(
            f'<line x1="{bar_x}" y1="{y}" x2="{bar_x}" y2="{y + row_h * len(rows)}" stroke="#999"/>'
        )
        for r, v in zip(rows, values, strict=True):
            mid = y + row_h / 2
            label = IMPLS[r["impl"]].label
            parts.append(
                f'<text x="{label_w}" y="{mid + 4}" font-size="12" text-anchor="end">{escape(label)}</text>'
            )
            if v is None:
                why = "failed" if r.get("error") else "not measured in this run"
                parts.append(
                    f'<text x="{bar_x + 6}" y="{mid + 4}" font-size="12" fill="#777">{why}</text>'
                )
            else:
                median, low, high = v
                scale = bar_max / top
                w = max(median * scale, 1)
                color = COLORS.get(r["impl"], "#607d8b")
                parts.append(
                    f'<rect x="{bar_x}" y="{mid - 8}" width="{w:.1f}" height="16" fill="{color}">'
                    f"<title>{escape(label)}: {fmt(median)}{unit}</title></rect>"
                )
                if high > low:
                    x1, x2 = bar_x + low * scale, bar_x + high * scale
                    parts.append(
                        f'<path d="M{x1:.1f} {mid}H{x2:.1f}M{x1:.1f} {mid - 5}V{mid + 5}M{x2:.1f} {mid - 5}V{mid + 5}" '
                        'stroke="#222" stroke-width="1.2" fill="none"/>'
                    )
                end = bar_x + max(w, high * scale)
                parts.append(
                    f'<text x="{end + 6:.1f}" y="{mid + 4}" font-size="12">{fmt(median)}{unit}</text>'
                )
            y += row_h
    if skipped:
        y += 24
        note = f"Not measured in this run: {', '.join(skipped)}."
        parts.append(f'<text x="16" y="{y}" font-size="12" fill="#555">{note}</text>')
    height = y + 16
    return svg_document(width, height, f"{title}, {device.upper()}, {machine}", parts)


def chart_name(slug: str, device: str, metric: str) -> str:
    return f"{slug}-{device}-{metric}.svg"


SWEEPS = {  # chart key: (x field, title, what stays fixed)
    "sweep-width": ("hidden", "MLP training throughput against width", "batch {batch}"),
    "sweep-batch": ("batch", "MLP training throughput against batch size", "width {width}"),
}


def sweep_lines(result_set: dict, key: str) -> dict[str, list[tuple[int, dict]]]:
    """{impl: [(x, samples/s summary), ...]} of one sweep, sorted by x, measured points only."""
    field = SWEEPS[key][0]
    if not result_set.get("sweep"):
        return {}
    fixed = (
        ("batch", result_set["settings"]["batch_size"])
        if field == "hidden"
        else ("hidden", result_set["settings"]["sweep_batch_width"])
    )
    lines: dict[str, list] = {}
    for r in result_set.get("sweep") or []:
        if r.get(fixed[0]) == fixed[1] and r.get("train_samples_per_s"):
            lines.setdefault(r["impl"], []).append((r[field], r["train_samples_per_s"]))
    return {impl: sorted(points, key=lambda p: p[0]) for impl, points in lines.items()}


def sweep_svg(result_set: dict, key: str) -> str:
    import math

    field, title, fixed = SWEEPS[key]
    s = result_set["settings"]
    fixed = fixed.format(batch=s["batch_size"], width=s["sweep_batch_width"])
    lines = sweep_lines(result_set, key)
    machine, device = result_set["machine"]["label"], result_set["device"]
    width, height, left, right, top, bottom = 760, 430, 70, 190, 56, 50
    xs = sorted({x for pts in lines.values() for x, _ in pts}) or [1, 2]
    ys = [v for pts in lines.values() for _, st in pts for v in (st["q1"], st["q3"])] or [1, 10]
    lx0, lx1 = math.log10(xs[0]), math.log10(xs[-1]) if xs[-1] > xs[0] else math.log10(xs[0]) + 1
    ly0, ly1 = max(math.floor(math.log10(min(ys))), 0), math.ceil(math.log10(max(ys)))
    ly1 = ly1 if ly1 > ly0 else ly0 + 1
    pw, ph = width - left - right, height - top - bottom

    def px(x):
        return left + (math.log10(x) - lx0) / (lx1 - lx0) * pw

    def py(y):
        return top + ph - (math.log10(y) - ly0) / (ly1 - ly0) * ph

    parts = [
        f'<text x="16" y="24" font-size="16" font-weight="600">{escape(title)} '
        f"({device.upper()})</text>",
        f'<text x="16" y="42" font-size="12" fill="#555">samples/s (log scale), higher is better; '
        f"{escape(fixed)}; bar: quartiles. {escape(machine)}</text>",
    ]
    for e in range(ly0, ly1 + 1):
        y = py(10**e)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#eee"/>'
        )
        parts.append(
            f'<text x="{left - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">'
            f"{10.0**e:,.0f}</text>"
        )
    for x in xs:
        parts.append(
            f'<text x="{px(x):.1f}" y="{top + ph + 16}" font-size="11" text-anchor="middle">{x}</text>'
        )
    label = "hidden width (units)" if field == "hidden" else "batch size (samples)"
    parts.append(
        f'<text x="{left + pw / 2}" y="{height - 12}" font-size="12" text-anchor="middle">'
        f"{label}, log scale</text>"
    )
    parts.append(
        f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#999"/>'
    )
    for i, (impl, pts) in enumerate(lines.items()):
        color, name = COLORS.get(impl, "#607d8b"), IMPLS[impl].label if impl in IMPLS else impl
        dash = f' stroke-dasharray="{DASHES[impl]}"' if impl in DASHES else ""
        path = " ".join(
            f"{'M' if j == 0 else 'L'}{px(x):.1f} {py(st['median']):.1f}"
            for j, (x, st) in enumerate(pts)
        )
        parts.append(
            f'<path d="{path}" stroke="{color}" stroke-width="2" fill="none"{dash}>'
            f"<title>{escape(name)}</title></path>"
        )
        for x, st in pts:
            parts.append(
                f'<path d="M{px(x):.1f} {py(st["q1"]):.1f}V{py(st["q3"]):.1f}" stroke="{color}"/>'
                f'<circle cx="{px(x):.1f}" cy="{py(st["median"]):.1f}" r="3" fill="{color}">'
                f"<title>{escape(name)}, {x}: {fmt(st['median'])} samples/s</title></circle>"
            )
        ly = top + 10 + i * 20
        parts.append(
            f'<line x1="{left + pw + 12}" y1="{ly}" x2="{left + pw + 36}" y2="{ly}" '
            f'stroke="{color}" stroke-width="2"{dash}/>'
            f'<text x="{left + pw + 42}" y="{ly + 4}" font-size="12">{escape(name)}</text>'
        )
    return svg_document(width, height, f"{title}, {device.upper()}, {machine}", parts)


def results_name(result_set: dict) -> str:
    return f"{result_set['machine']['slug']}-{result_set['device']}.json"


def write_results(result_set: dict, out: Path = OUT) -> Path:
    path = out / "results" / results_name(result_set)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result_set, indent=1) + "\n")
    return path


def write_charts(result_set: dict, out: Path = OUT) -> list[Path]:
    folder = out / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    slug, device = result_set["machine"]["slug"], result_set["device"]
    for metric in [*METRICS, *SWEEPS]:  # this machine's old charts (not another slug like it)
        (folder / chart_name(slug, device, metric)).unlink(missing_ok=True)
    written = []
    for metric in METRICS:
        path = folder / chart_name(slug, device, metric)
        path.write_text(chart_svg(result_set, device, metric))
        written.append(path)
    for key in SWEEPS:
        if sweep_lines(result_set, key):
            path = folder / chart_name(slug, device, key)
            path.write_text(sweep_svg(result_set, key))
            written.append(path)
    return written


def main() -> int:
    for path in sorted((OUT / "results").glob("*.json")):
        result_set = json.loads(path.read_text())
        if result_set.get("schema", 1) < 2:
            continue  # an older file: `make bench` replaces it
        for chart in write_charts(result_set):
            print(chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())


def svg_document(width: int, height: int, title: str, parts: list[str]) -> str:
    """A chart's SVG: its title for screen readers, a white card, then its parts."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" fill="#1a1a1a" role="img">\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="{width}" height="{height}" rx="6" fill="#ffffff" stroke="#ddd"/>\n'
        + "\n".join(parts)
        + "\n</svg>\n"
    )
