"""One neuron drawn with given numbers: inputs, weights, bias, weighted sum, and optionally
the sigmoid and the output. Used by the neuron diagrams of Part 2 and Part 3's steps 1 and 2.
"""

from __future__ import annotations

from figures._svg import Diagram


def number(value: float) -> str:
    """As a snippet writes it: 1.0, -1.0, 0.2; computed values to four significant figures."""
    return str(value) if len(str(value)) <= 5 else f"{value:.4g}"


def neuron_diagram(name: str, inputs, weights, bias: float, z: float,
                   a: float | None = None) -> Diagram:
    """The neuron: one box per input, an arrow with its weight into the sum, then z
    (and, when ``a`` is given, the sigmoid and the output ``a``)."""
    rows = [55 + 90 * i for i in range(len(inputs))]
    height = rows[-1] + 50
    neuron_x, neuron_y, radius = 350, (rows[0] + rows[-1]) / 2, 52
    d = Diagram(name, 780 if a is not None else 560, max(height, 2 * radius + 80))
    d.text(85, 15, "inputs", colour_="muted", size=13)
    d.text(215, 15, "weights", colour_="muted", size=13)
    for i, (x, w, y) in enumerate(zip(inputs, weights, rows), start=1):
        d.box(20, y - 20, 130, 40, f"x{i} = {number(x)}", fill="blue-fill", stroke="blue")
        end_x, end_y = neuron_x - radius * 0.93, neuron_y + (y - neuron_y) * 0.35
        d.arrow(150, y, end_x, end_y)
        d.line_label(150, y, end_x, end_y, f"w{i} = {number(w)}", at=0.42, colour_="orange",
                     below=y > neuron_y)
    d.circle(neuron_x, neuron_y, radius, fill="grey-fill", stroke="ink", width=2)
    d.text(neuron_x, neuron_y - 12, "Σ xᵢwᵢ", size=16)
    d.text(neuron_x, neuron_y + 14, "+ b", size=16)
    d.text(neuron_x, neuron_y + radius + 20, f"b = {number(bias)}", mono=True, size=13,
           colour_="orange")
    if a is None:
        d.arrow(neuron_x + radius, neuron_y, 430, neuron_y)
        d.box(430, neuron_y - 20, 120, 40, f"z = {number(z)}", fill="green-fill",
              stroke="green")
        d.text(490, neuron_y + 38, "weighted sum", colour_="muted", size=13)
        return d
    d.arrow(neuron_x + radius, neuron_y, 505, neuron_y)
    d.text(455, neuron_y - 16, f"z = {number(z)}", mono=True, size=13, colour_="green")
    d.box(505, neuron_y - 24, 100, 48, "sigmoid", fill="green-fill", stroke="green")
    d.arrow(605, neuron_y, 650, neuron_y)
    d.box(650, neuron_y - 20, 120, 40, f"a = {number(a)}", fill="red-fill", stroke="red")
    d.text(710, neuron_y + 38, "output", colour_="muted", size=13)
    return d
