"""The chain rule as a chain of three boxes: w gives z, z gives a, a gives the loss L, and
under each box its local slope; the slopes multiplied, from the loss back, give dL/dw.

Shown on Part 2, "The derivative" (its chain-rule example). Every number comes from the
page's snippet (its section "chain-rule"), formatted as the page prints it.
"""

FIGURES = ["diagram-chain-rule.svg"]
DEPENDS_ON = ["snippets/part2/derivative.py"]

from figures._snippets import section_values
from figures._svg import Diagram, text_width

SNIPPET = "snippets/part2/derivative.py"
WIDTH, HEIGHT = 760, 320
BOX_W, BOX_H, GAP = 150, 50, 70  # the three steps; GAP is the arrow between two of them
LEFT = 70  # where the first box starts: room for the arrow that brings w
ROW_Y = 70  # the boxes' top
SLOPE_Y = 150  # the local slopes' top
SLOPE_H = 56


def value(number) -> str:
    """A value of the forward pass, to four significant figures (z = 1, a = 0.7311)."""
    return f"{float(number):.4g}"


def draw(out_dir, runs):
    v = section_values(SNIPPET, "imports", "chain-rule")
    steps = [  # (the step, the value it gives, its local slope's name and formula, the slope)
        ("z = x·w + b", f"z = {value(v['z'])}", "∂z/∂w = x", f"= {v['dz_dw']}"),
        ("a = sigmoid(z)", f"a = {value(v['a'])}", "∂a/∂z = a(1 − a)", f"= {v['da_dz']:.4f}"),
        ("L = ½(a − t)²", f"L = {value(v['loss'](v['w']))}", "∂L/∂a = a − t",
         f"= {v['dL_da']:.4f}"),
    ]
    d = Diagram("diagram-chain-rule", WIDTH, HEIGHT)
    middle = ROW_Y + BOX_H / 2
    d.text(10, 20, f"forward, with x = {v['x']}, b = {v['b']}, t = {v['target']}: each step "
           "computes a value from the one before", anchor="start", colour_="muted", size=13)
    d.arrow(8, middle, LEFT, middle)
    d.text((8 + LEFT) / 2, ROW_Y - 12, f"w = {v['w']}", mono=True, size=13, colour_="blue")
    for i, (step, result, slope_name, slope) in enumerate(steps):
        x = LEFT + i * (BOX_W + GAP)
        d.box(x, ROW_Y, BOX_W, BOX_H, step, fill="grey-fill", size=14)
        end = x + BOX_W + (GAP if i < 2 else 50)
        d.arrow(x + BOX_W, middle, end, middle)
        d.text(x + BOX_W + (GAP if i < 2 else 50) / 2 + (10 if i == 2 else 0), ROW_Y - 12,
               result, mono=True, size=13, colour_="green")
        d.line(x + BOX_W / 2, ROW_Y + BOX_H, x + BOX_W / 2, SLOPE_Y, stroke="muted",
               dashed=True)
        d.box(x, SLOPE_Y, BOX_W, SLOPE_H, f"{slope_name}\n{slope}", fill="orange-fill",
              stroke="orange", size=13)
    back_y = SLOPE_Y + SLOPE_H + 18
    d.arrow(LEFT + 3 * BOX_W + 2 * GAP, back_y, LEFT, back_y, stroke="red")
    d.text(10, back_y + 22, "backward: multiply the local slopes, from the loss back to w",
           anchor="start", colour_="muted", size=13)
    product = (f"∂L/∂w = {v['dL_da']:.4f} × {v['da_dz']:.4f} × {v['dz_dw']}"
               f" = {v['gradient']:.6f}")
    d.box(LEFT, back_y + 42, text_width(product, 14) + 40, 40, product, fill="red-fill",
          stroke="red", size=14)
    d.save(out_dir / "diagram-chain-rule.svg")
