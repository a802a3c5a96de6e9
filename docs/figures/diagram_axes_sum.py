"""sum(axis=0) versus sum(axis=1): the same array summed down its columns, then along its rows.

Shown on Part 1's "NumPy for layers" page, section "Axis operations". The array is the
section "sum" of snippets/part1/numpy_axes.py (scores), and the sums are computed from it,
as that section prints them, so the picture follows the code.
"""

FIGURES = ["diagram-axes-sum.svg"]
DEPENDS_ON = ["snippets/part1/numpy_axes.py"]

from figures._part1 import CELL_H, grid
from figures._snippets import section_values
from figures._svg import Diagram

SNIPPET = "snippets/part1/numpy_axes.py"
CELL_W = 48


def shape(array) -> str:
    return str(tuple(array.shape))


def draw(out_dir, runs):
    scores = section_values(SNIPPET, "imports", "sum")["scores"]
    down, across = scores.sum(axis=0), scores.sum(axis=1)
    rows, cols = scores.shape
    top, arrow = 62, 34
    left_x = 60
    right_x = left_x + cols * CELL_W + 150
    bottom = top + rows * CELL_H
    width = right_x + cols * CELL_W + arrow + CELL_W + 40
    d = Diagram("diagram-axes-sum", width, bottom + arrow + CELL_H + 70)

    # left: axis=0 disappears, one sum per column
    centre = left_x + cols * CELL_W / 2
    d.text(centre, 20, "scores.sum(axis=0)", size=15, mono=True, bold=True)
    d.text(centre, 42, f"down the rows: {shape(scores)} → {shape(down)}", size=13,
           colour_="muted")
    grid(d, left_x, top, scores, cell_w=CELL_W, fills={(i, j): "blue-fill"
                                                       for i in range(rows) for j in range(cols)})
    for j in range(cols):
        x = left_x + (j + 0.5) * CELL_W
        d.arrow(x, bottom + 4, x, bottom + arrow - 4, stroke="blue", width=2)
    grid(d, left_x, bottom + arrow, [down], cell_w=CELL_W,
         fills={(0, j): "green-fill" for j in range(cols)})
    d.text(centre, bottom + arrow + CELL_H + 20, "one sum per column", size=13,
           colour_="muted")

    # right: axis=1 disappears, one sum per row
    centre = right_x + cols * CELL_W / 2
    d.text(centre + (arrow + CELL_W) / 2, 20, "scores.sum(axis=1)", size=15, mono=True,
           bold=True)
    d.text(centre + (arrow + CELL_W) / 2, 42,
           f"across the columns: {shape(scores)} → {shape(across)}", size=13, colour_="muted")
    grid(d, right_x, top, scores, cell_w=CELL_W, fills={(i, j): "orange-fill"
                                                        for i in range(rows) for j in range(cols)})
    result_x = right_x + cols * CELL_W + arrow
    for i in range(rows):
        y = top + (i + 0.5) * CELL_H
        d.arrow(right_x + cols * CELL_W + 4, y, result_x - 4, y, stroke="orange", width=2)
    grid(d, result_x, top, [[value] for value in across], cell_w=CELL_W,
         fills={(i, 0): "green-fill" for i in range(rows)})
    d.text(centre + (arrow + CELL_W) / 2, bottom + 20, "one sum per row", size=13,
           colour_="muted")
    d.save(out_dir / "diagram-axes-sum.svg")
