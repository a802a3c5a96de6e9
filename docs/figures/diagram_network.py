"""The whole network, 784 -> 64 -> 10, with the shape of every array for a batch of n images.

Shown on Part 3's overview and step 4. The sizes are the arrays' shapes in step 4's snippet
(its sections "data" and "init"), so the picture follows the code.
"""

FIGURES = ["diagram-network.svg"]
DEPENDS_ON = ["snippets/part3/step4_two_layers.py"]

from figures._snippets import section_values
from figures._svg import Diagram

SNIPPET = "snippets/part3/step4_two_layers.py"
COLUMNS = (90, 350, 610)  # x of the input, hidden and output layers
TOP, BOTTOM = 78, 322  # where the layers' circles go


def values() -> dict:
    """The snippet's W1, b1, W2, b2 (and its batch X)."""
    return section_values(SNIPPET, "data", "init")


def batch_shape(size: int) -> str:
    return f"(n, {size})"


def positions(count: int, drawn: int) -> list[float]:
    """The y of each circle of a layer: all ``count`` neurons if they fit in ``drawn``,
    else the first and last few, with a gap for an ellipsis between them."""
    if count <= drawn:
        return [TOP + (BOTTOM - TOP) * i / (count - 1) for i in range(count)]
    half, step = drawn // 2, (BOTTOM - TOP) / (drawn + 1)
    return [TOP + step * i for i in range(half)] + [BOTTOM - step * i
                                                     for i in reversed(range(half))]


def layer(d: Diagram, x: float, ys: list[float], count: int, radius: float, fill: str,
          stroke: str, labels: bool = False) -> None:
    """A column of neurons at x, circles at ``ys``; an ellipsis if ``count`` is more."""
    if count > len(ys):
        for k in (-1, 0, 1):
            d.circle(x, (TOP + BOTTOM) / 2 + 10 * k, 1.8, fill="ink", stroke="ink", width=0.5)
    for i, y in enumerate(ys):
        d.circle(x, y, radius, fill=fill, stroke=stroke, width=1.5)
        if labels:
            d.text(x, y, str(i), size=13, mono=True)


def draw(out_dir, runs):
    v = values()
    W1, b1, W2, b2 = v["W1"], v["b1"], v["W2"], v["b2"]
    n_in, n_hidden = W1.shape
    n_out = W2.shape[1]
    assert W2.shape[0] == n_hidden and v["X"].shape[1] == n_in
    d = Diagram("diagram-network", 700, 455)

    # the three layers and the connections between them (every neuron sees every input)
    x_in, x_hidden, x_out = COLUMNS
    headings = [(x_in, "input", f"{n_in} pixels"), (x_hidden, "hidden layer", f"{n_hidden} neurons"),
                (x_out, "output layer", f"{n_out} neurons")]
    for x, title, count in headings:
        d.text(x, 20, title, size=15, bold=True)
        d.text(x, 42, count, size=14, colour_="muted")
    ins, hid, outs = positions(n_in, 6), positions(n_hidden, 6), positions(n_out, 10)
    for a_x, a_ys, b_x, b_ys, ra, rb in [(x_in, ins, x_hidden, hid, 9, 11),
                                         (x_hidden, hid, x_out, outs, 11, 12)]:
        for ya in a_ys:
            for yb in b_ys:
                d.line(a_x + ra, ya, b_x - rb, yb, stroke="muted", width=0.45)
    layer(d, x_in, ins, n_in, 9, "blue-fill", "blue")
    layer(d, x_hidden, hid, n_hidden, 11, "green-fill", "green")
    layer(d, x_out, outs, n_out, 12, "red-fill", "red", labels=True)

    # the weights: a label on each fan of connections, the biases with them
    for x, w_name, w, b_name, b in [((x_in + x_hidden) / 2, "W1", W1, "b1", b1),
                                    ((x_hidden + x_out) / 2, "W2", W2, "b2", b2)]:
        y = (TOP + BOTTOM) / 2
        d.text(x, y - 11, f"{w_name} {tuple(w.shape)}", size=14, mono=True, colour_="orange",
               halo=True, bold=True)
        d.text(x, y + 11, f"{b_name} {tuple(b.shape)}", size=14, mono=True, colour_="orange",
               halo=True, bold=True)

    # the arrays that flow, for a batch of n images, and the lines that compute them
    box_y, box_h = 352, 40
    boxes = [(x_in, f"X {batch_shape(n_in)}", "blue-fill", "blue"),
             (x_hidden, f"hidden {batch_shape(n_hidden)}", "green-fill", "green"),
             (x_out, f"output {batch_shape(n_out)}", "red-fill", "red")]
    half_widths = []
    for x, label, fill, stroke in boxes:
        half = len(label) * 14 * 0.6 / 2 + 12
        half_widths.append(half)
        d.box(x - half, box_y, 2 * half, box_h, label, fill=fill, stroke=stroke, size=14)
    codes = ["sigmoid(X @ W1 + b1)", "sigmoid(hidden @ W2 + b2)"]
    for i, code in enumerate(codes):
        start = COLUMNS[i] + half_widths[i]
        end = COLUMNS[i + 1] - half_widths[i + 1]
        d.arrow(start + 4, box_y + box_h / 2, end - 4, box_y + box_h / 2, width=2)
        d.text((COLUMNS[i] + COLUMNS[i + 1]) / 2, box_y + box_h + 22, code, size=13, mono=True)
    d.text(350, box_y + box_h + 52, "n: the number of images in the batch", size=13,
           colour_="muted")
    d.save(out_dir / "diagram-network.svg")
