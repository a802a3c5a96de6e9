"""Broadcasting a bias: Z (examples x neurons) + b (one row), b's one row used for every row.

Shown on Part 1's "NumPy for layers" page, section "Broadcasting". The arrays are the
section "bias" of snippets/part1/numpy_broadcasting.py (Z, b and out), so the picture
follows the code.
"""

FIGURES = ["diagram-broadcast-bias.svg"]
DEPENDS_ON = ["snippets/part1/numpy_broadcasting.py"]

import numpy as np

from figures._part1 import CELL_H, grid
from figures._snippets import section_values
from figures._svg import Diagram

SNIPPET = "snippets/part1/numpy_broadcasting.py"
CELL_W = 48  # the numbers here are short: 0.5, -0.5, 11.0


def shape(array) -> str:
    return str(tuple(array.shape))


def draw(out_dir, runs):
    v = section_values(SNIPPET, "imports", "bias")
    Z, b, out = v["Z"], v["b"], v["out"]
    rows, cols = Z.shape
    top, gap = 50, 60
    width_of = cols * CELL_W
    xs = {"Z": 30, "b": 30 + width_of + gap, "out": 30 + 2 * (width_of + gap)}
    bottom = top + rows * CELL_H
    d = Diagram("diagram-broadcast-bias", xs["out"] + width_of + 30, bottom + 110)

    # Z and out in full; b: its one stored row, then the rows NumPy reuses without copying
    grid(d, xs["Z"], top, Z, cell_w=CELL_W, fills={(i, j): "blue-fill" for i in range(rows)
                                                   for j in range(cols)})
    grid(d, xs["b"], top, b, cell_w=CELL_W,
         fills={(0, j): "orange-fill" for j in range(cols)})
    grid(d, xs["b"], top + CELL_H, np.repeat(b, rows - 1, axis=0), cell_w=CELL_W, ghost=True)
    grid(d, xs["out"], top, out, cell_w=CELL_W)
    for x, op in ((xs["Z"] + width_of, "+"), (xs["b"] + width_of, "=")):
        d.text(x + gap / 2, top + rows * CELL_H / 2, op, size=18, mono=True, bold=True)

    labels = {"Z": (Z, "Z"), "b": (b, "b"), "out": (out, "out")}
    for name, (array, label) in labels.items():
        centre = xs[name] + width_of / 2
        d.text(centre, top - 22, label, size=16, mono=True, bold=True)
        d.text(centre, bottom + 18, shape(array), size=13, mono=True)
    notes = {
        "Z": [f"{rows} examples,", f"{cols} neurons"],
        "b": ["its one row,", f"used for all {rows} rows"],
        "out": ["Z[i] + b[0]", "for every row i"],
    }
    for name, lines in notes.items():
        for k, line in enumerate(lines):
            d.text(xs[name] + width_of / 2, bottom + 40 + 17 * k, line, size=13,
                   colour_="muted")
    # the stretch: a bracket down b's right side, over the rows it was not stored in
    x = xs["b"] + width_of + 8
    d.arrow(x, top + CELL_H / 2, x, bottom - 4, stroke="orange", width=1.5)
    d.text(xs["b"] + width_of / 2, bottom + 78, f"{shape(b)} stretches to {shape(out)}",
           size=13, mono=True, colour_="orange")
    d.save(out_dir / "diagram-broadcast-bias.svg")

