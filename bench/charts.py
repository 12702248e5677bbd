"""Write a result set (docs/benchmarks/results/<machine>.json) and its SVG charts (docs/benchmarks/charts/).

Hand-written SVG, no plotting library: one chart per machine, device and metric, one panel per model,
one bar per implementation (the median), a whisker for the spread (quartiles, or min-max).

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
}
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
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="{FONT}" fill="#1a1a1a" role="img">\n'
        f"<title>{escape(title)}, {device.upper()}, {escape(machine)}</title>\n"
        f'<rect width="{width}" height="{height}" rx="6" fill="#ffffff" stroke="#ddd"/>\n'
        + "\n".join(parts)
        + "\n</svg>\n"
    )


def chart_name(slug: str, device: str, metric: str) -> str:
    return f"{slug}-{device}-{metric}.svg"


def write_results(result_set: dict, out: Path = OUT) -> Path:
    path = out / "results" / f"{result_set['machine']['slug']}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result_set, indent=1) + "\n")
    return path


def write_charts(result_set: dict, out: Path = OUT) -> list[Path]:
    folder = out / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    slug = result_set["machine"]["slug"]
    for device in (
        "cpu",
        "cuda",
    ):  # this machine's old charts (not another slug that starts like it)
        for metric in METRICS:
            (folder / chart_name(slug, device, metric)).unlink(missing_ok=True)
    written = []
    for device in dict.fromkeys(r["device"] for r in result_set["results"]):
        for metric in METRICS:
            path = folder / chart_name(slug, device, metric)
            path.write_text(chart_svg(result_set, device, metric))
            written.append(path)
    return written


def main() -> int:
    for path in sorted((OUT / "results").glob("*.json")):
        for chart in write_charts(json.loads(path.read_text())):
            print(chart)
    return 0


if __name__ == "__main__":
    sys.exit(main())
