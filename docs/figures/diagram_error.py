"""The error for one real digit: the untrained network's ten outputs as bars, the one-hot
target, and the error output - target as an arrow from the target to the output.

Shown on Part 3, step 5. The digit, its outputs, target and error are the snippet's (its
sections "setup", "one-hot" and "error": the first training digit), so the picture follows
the code.
"""

FIGURES = ["diagram-error.svg"]
DEPENDS_ON = ["snippets/part3/step5_the_error.py"]

from figures._snippets import section_values
from figures._svg import Diagram

SNIPPET = "snippets/part3/step5_the_error.py"
LEFT, COLUMN = 84, 60  # the first column's left edge, each column's width
ZERO, ONE = 262, 62  # y of the values 0 and 1


def values() -> dict:
    """The snippet's first digit: its label, outputs, one-hot target and error."""
    v = section_values(SNIPPET, "setup", "one-hot", "error")
    return {"label": int(v["y"][0]), "output": v["output"][0], "target": v["Y"][0],
            "error": v["error"][0]}


def height(value: float) -> float:
    return ZERO - (ZERO - ONE) * value


def draw(out_dir, runs):
    v = values()
    d = Diagram("diagram-error", 700, 392)

    # legend
    d.rect(84, 12, 16, 16, fill="blue-fill", stroke="blue", rx=0)
    d.text(108, 20, "output", size=14, anchor="start")
    d.line(184, 20, 212, 20, stroke="orange", width=4)
    d.text(220, 20, "target (one-hot)", size=14, anchor="start")
    d.arrow(352, 30, 352, 10, stroke="red", width=2, head=8)
    d.text(364, 20, "error = output − target", size=14, anchor="start")

    # axis: 0, 0.5, 1
    right = LEFT + COLUMN * len(v["output"])
    for value in (0, 0.5, 1):
        d.line(LEFT - 6, height(value), right, height(value), stroke="muted",
               width=1.2 if value == 0 else 0.6, dashed=value != 0)
        d.text(LEFT - 10, height(value), f"{value:g}", size=13, anchor="end", colour_="muted")

    # one column per digit: the output's bar, the target's level, the error's arrow
    for k, (out, target, error) in enumerate(zip(v["output"], v["target"], v["error"])):
        centre = LEFT + COLUMN * (k + 0.5)
        bar_x = centre - 18
        d.rect(bar_x, height(out), 24, ZERO - height(out), fill="blue-fill", stroke="blue",
               rx=0)
        if target > 0:
            d.rect(bar_x - 3, height(target), 30, ZERO - height(target), stroke="orange",
                   rx=0, dashed=True)
        d.line(bar_x - 5, height(target), bar_x + 29, height(target), stroke="orange",
               width=4)
        arrow_x = centre + 17
        d.line(arrow_x - 4, height(target), arrow_x + 4, height(target), stroke="red", width=2)
        d.arrow(arrow_x, height(target), arrow_x, height(out), stroke="red", width=2, head=8)
        is_label = k == v["label"]
        d.text(centre, ZERO + 20, str(k), size=15, bold=is_label, mono=True,
               colour_="orange" if is_label else "ink")
        d.text(centre, ZERO + 52, f"{out:.2f}", size=13, mono=True, colour_="blue")
        d.text(centre, ZERO + 76, f"{target:g}", size=13, mono=True, colour_="orange")
        d.text(centre, ZERO + 100, f"{error:.2f}", size=13, mono=True, colour_="red")
    for y, label in [(20, "digit"), (52, "output"), (76, "target"), (100, "error")]:
        d.text(6, ZERO + y, label, size=13, anchor="start", colour_="muted" if y == 20 else "ink")
    d.save(out_dir / "diagram-error.svg")
