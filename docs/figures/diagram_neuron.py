"""One neuron with step 1's own numbers: inputs, weights, bias, weighted sum, sigmoid, output.

Shown on Part 3, step 1. Every number comes from the step's snippet (its sections
"numbers", "weighted-sum" and "sigmoid"), so the picture follows the code.
"""

FIGURES = ["diagram-neuron.svg"]
DEPENDS_ON = ["snippets/part3/step1_one_neuron.py"]

from figures._snippets import section_values
from figures._svg import Diagram

SNIPPET = "snippets/part3/step1_one_neuron.py"


def number(value: float) -> str:
    """As the snippet writes it: 1.0, -1.0, 0.2; computed values to four figures."""
    return str(value) if len(str(value)) <= 5 else f"{value:.4g}"


def draw(out_dir, runs):
    values = section_values(SNIPPET, "numbers", "weighted-sum", "sigmoid")
    inputs, weights, bias = values["inputs"], values["weights"], values["bias"]
    z, a = values["z"], values["a"]

    d = Diagram("diagram-neuron", 780, 270)
    neuron_x, neuron_y, radius = 350, 145, 52
    rows = [55 + 90 * i for i in range(len(inputs))]
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
    d.arrow(neuron_x + radius, neuron_y, 505, neuron_y)
    d.text(455, neuron_y - 16, f"z = {number(z)}", mono=True, size=13, colour_="green")
    d.box(505, neuron_y - 24, 100, 48, "sigmoid", fill="green-fill", stroke="green")
    d.arrow(605, neuron_y, 650, neuron_y)
    d.box(650, neuron_y - 20, 120, 40, f"a = {number(a)}", fill="red-fill", stroke="red")
    d.text(710, neuron_y + 38, "output", colour_="muted", size=13)
    d.save(out_dir / "diagram-neuron.svg")
