"""A layer as a matrix product: X @ W + b, one row of X times one column of W highlighted.

Shown on Part 1's "NumPy for layers" page, section "A whole layer in one line". The arrays
are the section "layer" of snippets/part1/numpy_matmul.py (X, W, b and Z), and the entry
highlighted is the one that section checks by hand (its ``Z[i, j]``), so the picture
follows the code.
"""

FIGURES = ["diagram-matmul-layer.svg"]
DEPENDS_ON = ["snippets/part1/numpy_matmul.py"]

import re

from figures._part1 import CELL_H, CELL_W, grid, outline, pieces, two_places
from figures._snippets import section_values
from figures._svg import Diagram
from nnlib.tools.site.pages import ROOT, sections

SNIPPET = "snippets/part1/numpy_matmul.py"


def checked_entry() -> tuple[int, int]:
    """The (example, neuron) whose sum the section "layer" recomputes by hand: its Z[i, j]."""
    found = re.search(r"Z\[(\d+), (\d+)\]", sections(ROOT / SNIPPET)["layer"])
    return int(found[1]), int(found[2])


def shape(array) -> str:
    return str(tuple(array.shape))


def bracketed(value: float) -> str:
    """A factor after "×": -0.54 in brackets, (-0.54), so the two signs do not run together."""
    return f"({two_places(value)})" if value < 0 else two_places(value)


def draw(out_dir, runs):
    v = section_values(SNIPPET, "imports", "layer")
    X, W, b, Z = v["X"], v["W"], v["b"], v["Z"]
    i, j = checked_entry()
    top = 62
    xs = {"X": 30, "W": 0, "b": 0, "Z": 0}
    xs["W"] = xs["X"] + X.shape[1] * CELL_W + 44
    xs["b"] = xs["W"] + W.shape[1] * CELL_W + 44
    xs["Z"] = xs["b"] + b.shape[1] * CELL_W + 44
    width = xs["Z"] + Z.shape[1] * CELL_W + 30
    bottom = top + X.shape[0] * CELL_H
    d = Diagram("diagram-matmul-layer", width, bottom + 168)

    arrays = {"X": X, "W": W, "b": b, "Z": Z}
    fills = {
        "X": {(i, k): "blue-fill" for k in range(X.shape[1])},
        "W": {(k, j): "orange-fill" for k in range(W.shape[0])},
        "b": {(0, j): "orange-fill"},
        "Z": {(i, j): "green-fill"},
    }
    for name, array in arrays.items():
        x = xs[name]
        centre = x + array.shape[1] * CELL_W / 2
        d.text(centre, top - 32, name, size=16, mono=True, bold=True)
        grid(d, x, top, array, two_places, fills=fills[name])
        d.text(centre, bottom + 18, shape(array), size=13, mono=True)
    # row and column numbers, to find row i and column j
    for r in range(X.shape[0]):
        d.text(xs["X"] - 12, top + (r + 0.5) * CELL_H, str(r), size=13, colour_="muted")
    for name in ("W", "b", "Z"):
        for c in range(arrays[name].shape[1]):
            d.text(xs[name] + (c + 0.5) * CELL_W, top - 8, str(c), size=13, colour_="muted")
    outline(d, xs["X"], top + i * CELL_H, 1, X.shape[1], "blue")
    outline(d, xs["W"] + j * CELL_W, top, W.shape[0], 1, "orange")
    outline(d, xs["b"] + j * CELL_W, top, 1, 1, "orange")
    outline(d, xs["Z"] + j * CELL_W, top + i * CELL_H, 1, 1, "green")
    for left, right, op in (("X", "W", "@"), ("W", "b", "+"), ("b", "Z", "=")):
        gap_start = xs[left] + arrays[left].shape[1] * CELL_W
        d.text((gap_start + xs[right]) / 2, top + 2 * CELL_H, op, size=18, mono=True, bold=True)

    # what each array is, under its shape
    y = bottom + 38
    notes = {
        "X": [f"{X.shape[0]} examples,", f"{X.shape[1]} inputs each"],
        "W": [f"{W.shape[0]} inputs →", f"{W.shape[1]} neurons"],
        "b": ["one bias", "per neuron"],
        "Z": [f"{Z.shape[0]} examples,", f"{Z.shape[1]} sums each"],
    }
    for name, lines in notes.items():
        for k, line in enumerate(lines):
            d.text(xs[name] + arrays[name].shape[1] * CELL_W / 2, y + 17 * k, line, size=13,
                   colour_="muted")

    # the highlighted sum, written out: symbols, then the numbers
    y = bottom + 92
    pieces(d, xs["X"], y, [
        (f"Z[{i}, {j}]", "green"), (" = ", "ink"), (f"X[{i}]", "blue"), (" · ", "ink"),
        (f"W[:, {j}]", "orange"), (" + ", "ink"), (f"b[0, {j}]", "orange"),
    ])
    terms = []
    for k in range(X.shape[1]):
        if k:
            terms.append((" + ", "ink"))
        terms += [(two_places(X[i, k]), "blue"), ("×", "ink"), (bracketed(W[k, j]), "orange")]
    pieces(d, xs["X"], y + 30, [("= ", "ink"), *terms, (" + ", "ink"),
                                (two_places(b[0, j]), "orange"), (" = ", "ink"),
                                (two_places(Z[i, j]), "green")])
    d.text(xs["X"], y + 62, f"row {i} of X (example {i}) times column {j} of W (neuron {j}):"
           f" one neuron's weighted sum", size=13, anchor="start", colour_="muted")
    d.save(out_dir / "diagram-matmul-layer.svg")
