"""The chain rule for one weight of step 6's network, as a chain of boxes with local slopes.

The weight W2[0, k] joins hidden neuron 0 to output k, where k is the label of digit 0 (the
first example of the step's batch). It changes z2[0, k], which changes output[0, k], which
changes digit 0's own loss. Each arrow carries its local slope with the step's numbers;
their product is d_output[0, k] (which the page prints) and then dW2_first[0, k], digit 0's
gradient for that weight. Shown on Part 3, step 6, in "The idea in one neuron".
"""

FIGURES = ["diagram-backprop-chain.svg"]
DEPENDS_ON = ["snippets/part3/step6_backpropagation.py"]

from figures._backward import STEP6, plain, signed
from figures._snippets import section_values
from figures._svg import Diagram

J = 0  # the hidden neuron: the weight is W2[J, k]


def chain_values() -> dict:
    """The chain's numbers, from the snippet: ``k``, the values and the three local slopes."""
    v = section_values(STEP6, "setup", "forward-lines", "d-output", "outer")
    k = int(v["y_train"][0])  # digit 0's own label: its "right" output
    out = float(v["output"][0, k])
    return {
        "k": k,
        "w": float(v["W2"][J, k]),
        "z": float(v["z2"][0, k]),
        "a": out,
        "dz_dw": float(v["hidden"][0, J]),
        "da_dz": out * (1 - out),
        "dL_da": float(v["error"][0, k]),
        "delta": float(v["d_output"][0, k]),
        "grad": float(v["dW2_first"][J, k]),
    }


def draw(out_dir, runs):
    c = chain_values()
    k = c["k"]
    d = Diagram("diagram-backprop-chain", 740, 300)
    box_w, gap, top, h = 130, 60, 40, 54
    xs = [20 + i * (box_w + gap) for i in range(4)]
    boxes = [
        (f"W2[{J}, {k}]", f"= {plain(c['w'])}", "blue"),
        (f"z2[0, {k}]", f"= {plain(c['z'])}", "blue"),
        (f"output[0, {k}]", f"= {plain(c['a'])}", "blue"),
        ("digit 0's loss", "L₀", "red"),
    ]
    d.text(20, 14, f"one weight, W2[{J}, {k}]: from hidden neuron {J} to output {k}, "
           f"for digit 0 (a {k})", anchor="start", size=13, colour_="muted")
    for x, (name, value, hue) in zip(xs, boxes):
        d.box(x, top, box_w, h, f"{name}\n{value}", fill=f"{hue}-fill", stroke=hue, size=13)
    slopes = [
        (f"hidden[0, {J}]", c["dz_dw"]),
        ("output * (1 - output)", c["da_dz"]),
        ("output - Y", c["dL_da"]),
    ]
    for i, (formula, slope) in enumerate(slopes):
        x1, x2 = xs[i] + box_w, xs[i + 1]
        d.arrow(x1, top + h / 2, x2, top + h / 2)
        mid = (x1 + x2) / 2
        d.text(mid, top + h + 26, "local slope", size=13, colour_="muted")
        d.text(mid, top + h + 46, formula, mono=True, size=13, colour_="muted")
        d.text(mid, top + h + 66, f"= {plain(slope)}", mono=True, size=14, colour_="orange",
               bold=True)
    # The chain rule: multiply the slopes, from the loss back to the weight
    y = top + h + 112
    d.text(20, y, "the chain rule multiplies them, from the loss back:", anchor="start",
           size=13, colour_="muted")
    d.text(20, y + 30, f"{plain(c['dL_da'])} × {plain(c['da_dz'])} ≈ {signed(c['delta'])}"
           f"  = d_output[0, {k}]", anchor="start", mono=True, size=14, colour_="red")
    d.text(20, y + 58, f"{signed(c['delta'])} × {plain(c['dz_dw'])} ≈ {signed(c['grad'])}"
           f"  = dW2_first[{J}, {k}]", anchor="start", mono=True, size=14, colour_="green")
    d.save(out_dir / "diagram-backprop-chain.svg")
