"""A layer as one matrix product: Z = X @ W + b with step 3's batch, one row of X times one
column of W, plus one bias, giving one entry of Z.

Shown on Part 3, step 3. The arrays are the snippet's (its sections "weights" and "batch");
the entry written out is computed from them, so the picture follows the code.
"""

FIGURES = ["diagram-layer-product.svg"]
DEPENDS_ON = ["snippets/part3/step3_a_layer.py"]

from figures._forward import entry, grid
from figures._snippets import section_values
from figures._svg import Diagram

SNIPPET = "snippets/part3/step3_a_layer.py"
ROW, COLUMN = 3, 2  # the example and the neuron the picture follows (the snippet's indices)
CELL_W, CELL_H = 56, 30


def values() -> dict:
    """The snippet's X, W, b and Z = X @ W + b."""
    return section_values(SNIPPET, "weights", "batch")


def shape(array) -> str:
    return str(tuple(array.shape))


def written_out(v: dict, i: int = ROW, j: int = COLUMN) -> str:
    """Z[i, j] as its sum: inputs of row i times weights of column j, plus bias j."""
    terms = []
    for x, w in zip(v["X"][i], v["W"][:, j]):
        w_text = entry(w)
        terms.append(f"{entry(x)} × {f'({w_text})' if w < 0 else w_text}")
    return (f"Z[{i}, {j}] = " + " + ".join(terms)
            + f" + {entry(v['b'][0, j])} = {entry(v['Z'][i, j])}")


def draw(out_dir, runs):
    v = values()
    X, W, b, Z = v["X"], v["W"], v["b"], v["Z"]
    w_x, w_y = 380, 60  # W top-left; b below it; Z below b; X left of Z, row for row
    b_y = w_y + W.shape[0] * CELL_H + 20
    z_y = b_y + CELL_H + 30
    x_w = 50
    x_x = w_x - 30 - X.shape[1] * x_w
    z_bottom = z_y + Z.shape[0] * CELL_H
    right = w_x + W.shape[1] * CELL_W
    d = Diagram("diagram-layer-product", 700, z_bottom + 62)

    # the formula, each array in its colour, its shape below it
    for x, token, colour_, array in [(40, "Z", "green", Z), (88, "=", "ink", None),
                                     (136, "X", "blue", X), (184, "@", "ink", None),
                                     (232, "W", "orange", W), (280, "+", "ink", None),
                                     (328, "b", "orange", b)]:
        d.text(x, 40, token, size=16, bold=True, mono=True, colour_=colour_)
        if array is not None:
            d.text(x, 64, shape(array), size=13, mono=True, colour_="muted")
    d.text(30, 112, f"row {ROW} of X times column {COLUMN} of W,", size=14, anchor="start")
    d.text(30, 134, f"plus bias {COLUMN}, gives Z[{ROW}, {COLUMN}]", size=14, anchor="start")

    # W with b below it: one column per neuron
    for j in range(W.shape[1]):
        d.text(w_x + (j + 0.5) * CELL_W, w_y - 14, f"neuron {j}" if j == COLUMN else str(j),
               size=13, colour_="orange" if j == COLUMN else "muted")
    grid(d, w_x, w_y, W, CELL_W, CELL_H,
         lambda i, j: ("orange-fill", "orange") if j == COLUMN else None)
    grid(d, w_x, b_y, b, CELL_W, CELL_H,
         lambda i, j: ("orange-fill", "orange") if j == COLUMN else None)
    d.text(w_x - 14, b_y + CELL_H / 2, "+", size=16, bold=True)
    for label, y, array in [("W", w_y + W.shape[0] * CELL_H / 2, W),
                            ("b", b_y + CELL_H / 2, b), ("Z", z_y + Z.shape[0] * CELL_H / 2, Z)]:
        d.text(right + 14, y - 9, label, size=15, bold=True, mono=True, anchor="start")
        d.text(right + 14, y + 10, shape(array), size=13, mono=True, anchor="start",
               colour_="muted")

    # X left of Z, one row per example, and Z itself
    grid(d, x_x, z_y, X, x_w, CELL_H, lambda i, j: ("blue-fill", "blue") if i == ROW else None)
    for i in range(X.shape[0]):
        d.text(x_x - 12, z_y + (i + 0.5) * CELL_H, str(i), size=13, anchor="end",
               colour_="blue" if i == ROW else "muted")
    d.text(x_x - 95, z_y + Z.shape[0] * CELL_H / 2 - 9, "X", size=15, bold=True, mono=True)
    d.text(x_x - 95, z_y + Z.shape[0] * CELL_H / 2 + 10, shape(X), size=13, mono=True,
           colour_="muted")
    d.text(x_x - 95, z_y - 14, "one row", size=13, colour_="muted")
    d.text(x_x - 95, z_y + 2, "per example", size=13, colour_="muted")
    grid(d, w_x, z_y, Z, CELL_W, CELL_H,
         lambda i, j: ("green-fill", "green") if (i, j) == (ROW, COLUMN) else None)

    d.text(350, z_bottom + 40, written_out(v), size=14, mono=True)
    d.save(out_dir / "diagram-layer-product.svg")
