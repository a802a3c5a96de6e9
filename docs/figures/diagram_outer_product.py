"""A weight gradient as an outer product: step 6's small example, cell by cell.

The column of inputs times the row of deltas gives the table of weight gradients: cell
[j, k] is inputs[j] * deltas[k], the gradient of the weight joining input j to neuron k.
Shown on Part 3, step 6, beside the section "outer-small" of the step's snippet, whose
numbers it draws.
"""

FIGURES = ["diagram-outer-product.svg"]
DEPENDS_ON = ["snippets/part3/step6_backpropagation.py"]

from figures._backward import STEP6, shape
from figures._neuron import number
from figures._snippets import section_values
from figures._svg import Diagram


def draw(out_dir, runs):
    v = section_values(STEP6, "setup", "outer-small")
    inputs, deltas, table = v["inputs"], v["deltas"], v["dW_small"]
    cell_w, cell_h = 160, 50
    left, top = 190, 95  # the table's top-left corner
    width = left + cell_w * len(deltas) + 195
    d = Diagram("diagram-outer-product", width, top + cell_h * len(inputs) + 50)

    d.text(left + cell_w * len(deltas) / 2, 18, f"deltas {shape(deltas)}", mono=True,
           size=14, colour_="red")
    for k, delta in enumerate(deltas):
        d.box(left + k * cell_w + 5, 35, cell_w - 10, 40, f"deltas[{k}] = {number(delta)}",
              fill="red-fill", stroke="red", size=13)
    d.text(left - 95, top - 22, f"inputs {shape(inputs)}", mono=True, size=14, colour_="blue")
    for j, x in enumerate(inputs):
        y = top + j * cell_h
        d.box(20, y + 5, 150, cell_h - 10, f"inputs[{j}] = {number(x)}", fill="blue-fill",
              stroke="blue", size=13)
        for k, delta in enumerate(deltas):
            cx = left + k * cell_w
            d.rect(cx, y, cell_w, cell_h, fill="green-fill", stroke="green", rx=0)
            d.text(cx + cell_w / 2, y + 16, f"{number(x)} × {number(delta)}", mono=True,
                   size=13, colour_="muted")
            d.text(cx + cell_w / 2, y + 35, f"= {number(float(table[j, k]))}", mono=True,
                   size=14, bold=True)
    right = left + cell_w * len(deltas)
    d.text(right + 15, top + cell_h * len(inputs) / 2 - 12, f"dW_small {shape(table)}",
           anchor="start", mono=True, size=14, colour_="green")
    for i, line in enumerate(["cell [j, k] is", "inputs[j] × deltas[k]"]):
        d.text(right + 15, top + cell_h * len(inputs) / 2 + 14 + 18 * i, line,
               anchor="start", mono=True, size=13, colour_="muted")
    d.text(left + cell_w * len(deltas) / 2, top + cell_h * len(inputs) + 25,
           "np.outer(inputs, deltas)", mono=True, size=14)
    d.save(out_dir / "diagram-outer-product.svg")
