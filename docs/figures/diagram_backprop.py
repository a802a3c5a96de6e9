"""Backpropagation: step 4's network drawn backwards, with step 6's shapes.

Top row: the forward arrays (X, hidden, output). Bottom row: the per-example deltas
(d_output, then d_hidden = d_output @ W2.T times the hidden slope), flowing right to left.
Middle row: each weight gradient and the two arrays it multiplies (hidden.T @ d_output,
X.T @ d_hidden). Shown at the top of Part 3, step 6; every shape is the shape of an array of
the step's snippet.
"""

FIGURES = ["diagram-backprop.svg"]
DEPENDS_ON = ["snippets/part3/step6_backpropagation.py"]

from figures._backward import STEP6, shape
from figures._snippets import section_values
from figures._svg import Diagram

SECTIONS = ("setup", "forward-lines", "d-output", "outer", "dW2", "d-hidden", "dW1")


def draw(out_dir, runs):
    v = section_values(STEP6, *SECTIONS)
    d = Diagram("diagram-backprop", 740, 390)
    columns = {"X": 95, "hidden": 375, "output": 640}
    box_w, top, bottom = 150, 30, 290

    # Forward: the arrays the backward pass reads
    d.text(20, 12, "forward pass", anchor="start", size=13, colour_="muted")
    for name, x in columns.items():
        d.box(x - box_w / 2, top, box_w, 50, f"{name}\n{shape(v[name])}", fill="blue-fill",
              stroke="blue")
    for (a, xa), (b, xb), weight in [(("X", columns["X"]), ("hidden", columns["hidden"]), "W1"),
                                     (("hidden", columns["hidden"]), ("output", columns["output"]),
                                      "W2")]:
        d.arrow(xa + box_w / 2, top + 25, xb - box_w / 2, top + 25, stroke="muted")
        d.text((xa + xb) / 2, top + 12, f"@ {weight}", mono=True, size=13, colour_="muted")

    # Backward: the per-example deltas, right to left
    d.text(20, bottom + 88, "backward pass: per-example deltas (red), "
           f"gradients averaged over n = {v['n']} (green)", anchor="start", size=13,
           colour_="muted")
    out_x, hid_x = columns["output"], columns["hidden"]
    d.box(out_x - 55, bottom, 110, 50, f"d_output\n{shape(v['d_output'])}", fill="red-fill",
          stroke="red")
    d.box(hid_x - 55, bottom, 110, 50, f"d_hidden\n{shape(v['d_hidden'])}", fill="red-fill",
          stroke="red")
    d.arrow(out_x - 55, bottom + 25, hid_x + 55, bottom + 25, stroke="red", width=2)
    d.text((out_x + hid_x) / 2, bottom + 11, "d_output @ W2.T", mono=True, size=13,
           colour_="red")
    d.text((out_x + hid_x) / 2, bottom + 39, shape(v["from_output"]), mono=True, size=13,
           colour_="red")
    d.text(hid_x, bottom + 64, "× hidden's slope", size=13, colour_="muted")
    d.text(out_x, bottom + 64, "error × output's slope", size=13, colour_="muted")

    # The weight gradients: each multiplies a forward array by a delta
    middle = 150
    for grad, forward, delta, weight, x in [
        ("dW2", "hidden", "d_output", "W2", (hid_x + out_x) / 2 + 10),
        ("dW1", "X", "d_hidden", "W1", (columns["X"] + hid_x) / 2 + 10),
    ]:
        w = 200
        d.box(x - w / 2, middle, w, 56, f"{forward}.T @ {delta} / n\n{grad} {shape(v[grad])}",
              fill="green-fill", stroke="green", size=13)
        forward_x = columns[forward]
        delta_x = out_x if delta == "d_output" else hid_x
        d.arrow(forward_x + 20, top + 50, x - w / 2 + 30, middle, stroke="green")
        d.arrow(delta_x - 20, bottom, x + w / 2 - 30, middle + 56, stroke="green")
        d.text(x + w / 2 + 6, middle + 28, f"like {weight}", anchor="start", size=13,
               colour_="muted")
    d.save(out_dir / "diagram-backprop.svg")
