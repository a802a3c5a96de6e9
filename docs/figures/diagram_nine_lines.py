"""The cheat sheet's nine lines as one picture: each line beside the part of the network it
computes.

Left, the network drawn top to bottom (X, hidden, output beside its target Y), with a
numbered marker where each line acts: the forward lines on the arrows going down, the
backward line for d_hidden on the arrow going up, the updates on the weights, the error and
d_output at the output. Right, the nine lines themselves, read from the section
"nine-lines" of the cheat sheet's snippet (never retyped), grouped by the layer they belong
to. Shown on the Part 4 cheat sheet.
"""

FIGURES = ["diagram-nine-lines.svg"]
DEPENDS_ON = ["snippets/part4/cheat_sheet.py"]

from figures._backward import CHEAT_SHEET, assigned, code_lines
from figures._snippets import section_values
from figures._svg import Diagram

# Where each line acts, by the name it assigns: the layer between X and hidden (1), between
# hidden and output (2), or at the output (3).
BAND = {"hidden": 1, "W1": 1, "b1": 1,
        "output": 2, "d_hidden": 2, "W2": 2, "b2": 2,
        "error": 3, "d_output": 3}
ROW = 25  # height of a line of code


def role(code: str, name: str) -> str:
    """The colour of a line: forward (blue), error and backward (red), update (green)."""
    if "-=" in code:
        return "green"
    return "red" if name == "error" or name.startswith("d_") else "blue"


def nine_lines() -> list[dict]:
    """The snippet's nine lines, numbered, each with what it assigns, its band and colour."""
    found = []
    for number, (code, comment) in enumerate(code_lines(CHEAT_SHEET, "nine-lines"), 1):
        name = assigned(code)
        found.append({"number": number, "code": code, "shape": comment, "name": name,
                      "band": BAND[name], "colour": role(code, name)})
    return found


def marker(d: Diagram, x, y, number, colour):
    d.circle(x, y, 10, fill="background", stroke=colour, width=1.5)
    d.text(x, y, str(number), size=13, bold=True, colour_=colour)


def draw(out_dir, runs):
    lines = nine_lines()
    setup = section_values(CHEAT_SHEET, "setup")
    n, features = setup["X"].shape
    targets = setup["Y"].shape[1]
    shapes = {line["name"]: line["shape"] for line in lines}
    number = {line["name"]: line["number"] for line in lines}  # where each line is drawn
    by_band = {band: [line for line in lines if line["band"] == band] for band in (1, 2, 3)}

    node_h, pad = 40, 12
    text_x = 292
    d = Diagram("diagram-nine-lines", 780, 10)
    y = 14
    d.text(20, y, f"one training step on a batch of n = {n}", anchor="start", size=13,
           colour_="muted")
    d.text(text_x - 20, y, "the nine lines (forward, error and backward, update)",
           anchor="start", size=13, colour_="muted")
    y += 18

    def node(top, label, x=60, w=150, hue="blue"):
        d.box(x, top, w, node_h, label, fill=f"{hue}-fill", stroke=hue, size=13)

    def code_rows(top, band):
        for i, line in enumerate(by_band[band]):
            row_y = top + pad + ROW * (i + 0.5)
            marker(d, text_x - 12, row_y, line["number"], line["colour"])
            d.text(text_x + 6, row_y, line["code"], anchor="start", mono=True, size=13,
                   colour_=line["colour"])
        return top + 2 * pad + ROW * len(by_band[band])

    # X, then layer 1
    node(y, f"X (n, {features})")
    top = y + node_h
    bottom = code_rows(top, 1)
    d.arrow(100, top, 100, bottom)
    marker(d, 100, (top + bottom) / 2, number["hidden"], "blue")
    d.box(130, top + pad, 70, bottom - top - 2 * pad, "W1\nb1", fill="grey-fill", size=13)
    for i, name in enumerate(("W1", "b1")):
        marker(d, 224, top + pad + 14 + 24 * i, number[name], "green")

    # hidden, then layer 2
    node(bottom, f"hidden {shapes['hidden']}")
    top = bottom + node_h
    bottom = code_rows(top, 2)
    d.arrow(90, top, 90, bottom)
    marker(d, 90, top + (bottom - top) * 0.35, number["output"], "blue")
    d.arrow(140, bottom, 140, top, stroke="red")
    marker(d, 140, top + (bottom - top) * 0.35, number["d_hidden"], "red")
    d.box(160, top + (bottom - top) * 0.62 - 20, 45, 40, "W2\nb2", fill="grey-fill", size=13)
    for i, name in enumerate(("W2", "b2")):
        marker(d, 224, top + (bottom - top) * 0.62 - 12 + 24 * i, number[name], "green")

    # output and its target Y
    node(bottom, f"output {shapes['output']}", x=20, w=135)
    node(bottom, f"Y (n, {targets})", x=168, w=90, hue="red")
    top = bottom + node_h
    bottom = code_rows(top, 3)
    error_at = (161, top + (bottom - top) / 2)  # below, between output and Y
    d.line(120, top, error_at[0] - 8, error_at[1] - 6, stroke="red")
    d.line(200, top, error_at[0] + 8, error_at[1] - 6, stroke="red")
    marker(d, *error_at, number["error"], "red")
    d.line(60, top, 60, error_at[1] - 10, stroke="red")
    marker(d, 60, error_at[1], number["d_output"], "red")
    d.height = bottom + 6
    d.save(out_dir / "diagram-nine-lines.svg")
