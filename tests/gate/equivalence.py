"""Tabs proven equivalent: a tab group that claims the same model in each framework opts in with one line.

    <!-- gate: equivalent-tabs model=model inputs=(8, 784) -->
    === "PyTorch"
        ...one Python example...
    === "Keras"
        ...one Python example...

Each tab's example runs as usual (in the warm worker of its Keras backend). Then, in the same forked
child, the gate takes the object named by `model=` from the example's globals, loads into it the same
weights as into every other tab's model, calls it on the same input, and sends the output back. A
check item per group (`line N: tabs equivalent [...]`) compares the tabs and fails with the page line,
the tab that disagreed and the largest difference.

The same weights: each model's weighted layers are listed in order, each weight in Keras's layout
(`Dense`/`Linear` kernel (in, out), i.e. PyTorch's weight transposed; `Conv2D` kernel (H, W, in, out),
PyTorch's (out, in, H, W); BatchNorm gamma, beta, moving mean, moving variance; LayerNorm gamma, beta;
Embedding (vocabulary, dim)). Weight i of layer j is drawn from NumPy's generator seeded with (j, i),
scaled for its role, so every tab gets the very same numbers. Layer order: `model.modules()` for PyTorch
(registration order), tracking order for Keras (attribute order in a subclass, layer order in
Sequential and functional models), attribute order (alphabetical) for a `tf.Module`.

Options of the comment line:
- `model=NAME`: the global that holds the model (default `model`);
- `inputs=(8, 784)`: the shape of the float32 input, channels last for images (a PyTorch model gets
  4-D inputs transposed to (N, C, H, W), and its 4-D output transposed back);
- `softmax="PyTorch"`: tabs (comma-separated labels) whose model returns logits where the others return
  probabilities (their loss applies the softmax): their outputs go through a softmax before comparing;
- `tolerance=1e-4`: the largest difference allowed, relative to max(1, largest |output|) of the first
  tab; `--gpu` raises it to 1e-2 (TensorFlow's matmuls use TF32 on recent GPUs).

Written by hand: no library maps weights between frameworks by layer order. This module imports nothing
from pytest: worker.py imports it in the example's process.
"""

import ast
import re
import sys
import warnings
from dataclasses import dataclass, field

MARKER = re.compile(r"^(?P<indent>\s*)<!--\s*gate:\s*equivalent-tabs\b(?P<options>.*?)-->\s*$")
OPTION = re.compile(r"""(\w+)=(\([^)]*\)|"[^"]*"|'[^']*'|\S+)""")
TAB = re.compile(r"""^(?P<indent>\s*)===\+?\s+"(?P<label>[^"]*)"\s*$""")
KNOWN_OPTIONS = {"model", "inputs", "softmax", "tolerance"}
DEFAULT_TOLERANCE, GPU_TOLERANCE = 1e-4, 1e-2
SEED = 20261127


@dataclass
class Tab:
    label: str
    page_line: int
    example: object = None  # pages.Example


@dataclass
class Group:
    page: str
    page_line: int  # the comment's line
    options: dict
    tabs: list[Tab] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"line {self.page_line}: tabs equivalent [{', '.join(t.label for t in self.tabs)}]"

    def request(self, tab: Tab) -> dict:
        """What the example's process needs to run the check: sent with the example."""
        return {
            "model": self.options.get("model", "model"),
            "inputs": list(self.options["inputs"]),
            "tab": tab.label,
            "seed": SEED,
        }


def groups_of(page) -> tuple[list[Group], list[tuple[int, str]]]:
    """The opted-in tab groups of a page (pages.Page), and (page line, problem) for malformed ones."""
    groups, problems = [], []
    lines, origins = page.lines, page.origins
    for index, line in enumerate(lines):
        match = MARKER.match(line)
        if not match:
            continue
        page_line = origins[index].page_line
        options, problem = parse_options(match["options"])
        if problem:
            problems.append((page_line, f"{problem}"))
            continue
        group = Group(str(page.path), page_line, options)
        indent, ends = len(match["indent"]), []
        for later in range(index + 1, len(lines)):
            text = lines[later]
            if not text.strip():
                continue
            tab = TAB.match(text)
            if tab and len(tab["indent"]) == indent:
                group.tabs.append(Tab(tab["label"], origins[later].page_line))
                continue
            if len(text) - len(text.lstrip()) <= indent:
                ends.append(origins[later].page_line)
                break
        end = ends[0] if ends else float("inf")
        starts = [t.page_line for t in group.tabs] + [end]
        for tab, stop in zip(group.tabs, starts[1:], strict=True):
            inside = [
                e
                for e in page.examples
                if e.language in ("python", "py", "python3") and tab.page_line < e.page_line < stop
            ]
            if len(inside) != 1:
                problems.append(
                    (
                        tab.page_line,
                        f'tab "{tab.label}" must hold exactly one Python example '
                        f"(it holds {len(inside)})",
                    )
                )
            else:
                tab.example = inside[0]
        unknown_softmax = set(options.get("softmax", ())) - {t.label for t in group.tabs}
        if len(group.tabs) < 2:
            problems.append((page_line, "the comment must sit right above a tab group"))
        elif unknown_softmax:
            problems.append((page_line, f"no tab named {sorted(unknown_softmax)}"))
        elif all(t.example for t in group.tabs):
            groups.append(group)
    return groups, problems


def parse_options(text: str) -> tuple[dict, str | None]:
    options = {}
    for key, value in OPTION.findall(text):
        if key not in KNOWN_OPTIONS:
            return {}, f"unknown option {key}= (known: {', '.join(sorted(KNOWN_OPTIONS))})"
        try:
            options[key] = ast.literal_eval(value) if key != "model" else value
        except (ValueError, SyntaxError):
            return {}, f"cannot read {key}={value}"
    if not isinstance(options.get("inputs"), tuple) or not options["inputs"]:
        return {}, "inputs=(batch, ...) is required: the shape of the input every tab's model gets"
    if isinstance(options.get("softmax"), str):
        options["softmax"] = tuple(s.strip() for s in options["softmax"].split(","))
    return options, None


def compare(group: Group, results: dict[str, dict], gpu: bool = False) -> tuple[str | None, str]:
    """(None when every tab's output equals the first tab's, else the located reason; a summary of
    the differences measured)."""
    import numpy as np

    tolerance = group.options.get("tolerance", DEFAULT_TOLERANCE)
    if gpu:
        tolerance = max(tolerance, GPU_TOLERANCE)
    where = f"{group.page}:{group.page_line}"

    def output_of(tab: Tab):
        output = np.asarray(results[tab.label]["output"], dtype="float64")
        if tab.label in group.options.get("softmax", ()):
            output = np.exp(output - output.max(axis=-1, keepdims=True))
            output /= output.sum(axis=-1, keepdims=True)
        return output

    for tab in group.tabs:
        if "error" in results[tab.label]:
            snippet = ", ".join(tab.example.snippets)
            problem = f'cannot check tab "{tab.label}" ({snippet}): {results[tab.label]["error"]}'
            return f"{where}: {problem}", ""
    first, reference = group.tabs[0], output_of(group.tabs[0])
    allowed = tolerance * max(1.0, float(np.max(np.abs(reference))))
    measured = []
    for tab in group.tabs[1:]:
        mine, theirs = results[tab.label]["layers"], results[first.label]["layers"]
        if [layer["weights"] for layer in mine] != [layer["weights"] for layer in theirs]:
            return (
                f'{where}: tab "{tab.label}" ({", ".join(tab.example.snippets)}) has other weights '
                f'than tab "{first.label}" ({", ".join(first.example.snippets)}), layer by layer:\n'
                f"  {first.label}: {describe(theirs)}\n  {tab.label}: {describe(mine)}"
            ), ""
        output = output_of(tab)
        if output.shape != reference.shape:
            return (
                f'{where}: tab "{tab.label}" returns shape {output.shape}, '
                f'tab "{first.label}" {reference.shape}'
            ), ""
        difference = float(np.max(np.abs(output - reference)))
        measured.append(f"{tab.label} {difference:.2g}")
        if not difference <= allowed:
            return (
                f'{where}: tab "{tab.label}" ({", ".join(tab.example.snippets)}) disagrees with tab '
                f'"{first.label}" ({", ".join(first.example.snippets)}) from the same weights and '
                f"input: max |difference| {difference:.3g} > {allowed:.3g} (tolerance {tolerance:g})"
            ), ""
    summary = (
        f"max |difference| from {first.label}, output shape {reference.shape}: "
        + ", ".join(measured)
        + f" (allowed {allowed:.2g})"
    )
    return None, summary


def describe(layers: list[dict]) -> str:
    return "; ".join(
        f"{layer['type']}(" + ", ".join(f"{r} {tuple(s)}" for r, s in layer["weights"]) + ")"
        for layer in layers
    )


# --------------------------------------------------------------------------------------------------
# In the example's process (worker.py): load the same weights, run the model, return the output.


def check(request: dict, namespace: dict) -> dict:
    """{"layers": [...], "output": [...]} for the model the example left in `namespace`, or {"error"}."""
    name = request["model"]
    if name not in namespace:
        return {"error": f"the example defines no global named {name!r} (model=...)"}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # the check's own warnings are not the example's
            return _check(namespace[name], request)
    except Exception as error:  # noqa: BLE001 - reported by the check item, with the tab
        return {"error": f"{type(error).__name__}: {error}"}


def _check(model, request: dict) -> dict:
    import numpy as np

    adapter = adapter_for(model)
    x = np.random.default_rng(request["seed"]).normal(size=request["inputs"]).astype("float32")
    adapter.forward(x)  # creates lazily built weights
    layers = adapter.layers()
    for j, layer in enumerate(layers):
        values = [
            weight_values(role, shape, np.random.default_rng([request["seed"], j, i]))
            for i, (role, shape) in enumerate(layer["weights"])
        ]
        adapter.load(j, values)
    output = adapter.forward(x)
    return {"layers": layers, "output": np.asarray(output, dtype="float64").tolist()}


def weight_values(role: str, shape: list[int], rng):
    import numpy as np

    if role in ("kernel", "embeddings"):
        fan_in = int(np.prod(shape[:-1])) if role == "kernel" else 1
        values = rng.normal(0.0, 1.0 / np.sqrt(fan_in), size=shape)
    elif role == "gamma":
        values = 1.0 + rng.normal(0.0, 0.1, size=shape)
    elif role == "moving_variance":
        values = rng.uniform(0.5, 1.5, size=shape)
    else:  # bias, beta, moving_mean
        values = rng.normal(0.0, 0.1, size=shape)
    return values.astype("float32")


def adapter_for(model):
    keras = sys.modules.get("keras")
    if keras is not None and isinstance(model, keras.Layer):  # before torch: Keras on torch is both
        return KerasAdapter(model)
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(model, torch.nn.Module):
        return TorchAdapter(model)
    tf = sys.modules.get("tensorflow")
    if tf is not None and isinstance(model, tf.Module):
        return TFModuleAdapter(model)
    raise TypeError(f"cannot load weights into a {type(model).__qualname__}")


class KerasAdapter:
    def __init__(self, model):
        self.model = model
        leaves = model._flatten_layers(include_self=True, recursive=True)
        self.leaves = [
            layer for layer in leaves if layer.weights and not _has_weighted_child(layer)
        ]

    def layers(self):
        return [
            {
                "type": type(layer).__name__,
                "weights": [[v.name, list(v.shape)] for v in layer.weights],
            }
            for layer in self.leaves
        ]

    def load(self, j, values):
        for variable, value in zip(self.leaves[j].weights, values, strict=True):
            variable.assign(value)

    def forward(self, x):
        import keras

        return keras.ops.convert_to_numpy(self.model(x, training=False))


def _has_weighted_child(layer) -> bool:
    return any(
        child.weights for child in layer._flatten_layers(include_self=False, recursive=False)
    )


class TorchAdapter:
    # Module type -> [(its parameter or buffer, the Keras role, to Keras layout)]
    LAYOUTS = {
        "Linear": [("weight", "kernel", (1, 0)), ("bias", "bias", None)],
        "Conv2d": [("weight", "kernel", (2, 3, 1, 0)), ("bias", "bias", None)],
        "Conv1d": [("weight", "kernel", (2, 1, 0)), ("bias", "bias", None)],
        "BatchNorm1d": [
            ("weight", "gamma", None),
            ("bias", "beta", None),
            ("running_mean", "moving_mean", None),
            ("running_var", "moving_variance", None),
        ],
        "LayerNorm": [("weight", "gamma", None), ("bias", "beta", None)],
        "Embedding": [("weight", "embeddings", None)],
    }
    LAYOUTS["BatchNorm2d"] = LAYOUTS["BatchNorm1d"]

    def __init__(self, model):
        self.model = model.eval()  # dropout off, batch norm on its running statistics
        self.leaves = []
        for module in model.modules():
            own = list(module.parameters(recurse=False))
            if not own:
                continue
            kind = type(module).__name__
            if kind not in self.LAYOUTS:
                raise TypeError(f"no Keras layout known for torch.nn.{kind}")
            slots = [s for s in self.LAYOUTS[kind] if getattr(module, s[0], None) is not None]
            self.leaves.append((module, slots))

    def layers(self):
        return [
            {
                "type": type(module).__name__,
                "weights": [
                    [role, list(_permuted(getattr(module, name).shape, order))]
                    for name, role, order in slots
                ],
            }
            for module, slots in self.leaves
        ]

    def load(self, j, values):
        import numpy as np
        import torch

        module, slots = self.leaves[j]
        with torch.no_grad():
            for (name, _, order), value in zip(slots, values, strict=True):
                tensor = getattr(module, name)
                if order is not None:
                    value = np.transpose(value, np.argsort(order))  # Keras layout -> torch's
                tensor.copy_(torch.from_numpy(np.ascontiguousarray(value)))

    def forward(self, x):
        import torch

        first = next(self.model.parameters())
        inputs = torch.from_numpy(x.transpose(0, 3, 1, 2).copy() if x.ndim == 4 else x)
        with torch.no_grad():
            output = self.model(inputs.to(first.device, first.dtype))
        output = output.detach().cpu().float().numpy()
        return output.transpose(0, 2, 3, 1) if output.ndim == 4 else output


def _permuted(shape, order):
    return tuple(shape) if order is None else tuple(shape[i] for i in order)


class TFModuleAdapter:
    """A hand-made tf.Module: 2-D+ variables are kernels (in, out), 1-D ones biases."""

    def __init__(self, model):
        import tensorflow as tf

        self.model = model
        self.leaves = []
        for module in (model, *model.submodules):
            own = list(
                module._flatten(recursive=False, predicate=lambda v: isinstance(v, tf.Variable))
            )
            if own:
                self.leaves.append((module, sorted(own, key=lambda v: -len(v.shape))))

    def layers(self):
        return [
            {
                "type": type(module).__name__,
                "weights": [["kernel" if len(v.shape) > 1 else "bias", list(v.shape)] for v in own],
            }
            for module, own in self.leaves
        ]

    def load(self, j, values):
        for variable, value in zip(self.leaves[j][1], values, strict=True):
            variable.assign(value)

    def forward(self, x):
        import tensorflow as tf

        return self.model(tf.constant(x)).numpy()
