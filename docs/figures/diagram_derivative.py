"""Secant lines closing in on the tangent: the sigmoid's slope at a point, measured with
ever smaller steps h, as the derivative page's code does.

Shown on Part 2, "The derivative". The point, the steps and the slopes come from the
page's snippet (its section "secants"): each secant joins (z - h, sigmoid(z - h)) and
(z + h, sigmoid(z + h)), and its label is the slope the page prints for that h.
"""

FIGURES = ["diagram-derivative.svg"]
DEPENDS_ON = ["snippets/part2/derivative.py"]

import numpy as np

from figures import _svg
from figures._part2 import plot
from figures._svg import save_matplotlib
from figures._snippets import section_values
from nnlib import sigmoid, sigmoid_derivative

SNIPPET = "snippets/part2/derivative.py"
SECANT_COLOURS = ["purple", "orange", "green", "blue"]  # from the widest step to the narrowest
MARGIN = 1.0  # how far the plot reaches beyond the widest step
TANGENT_REACH = 2.2  # how far the tangent is drawn on each side of the point


def secant_slope(z: float, h: float) -> float:
    """The central difference the page computes: rise over run between z - h and z + h."""
    return float((sigmoid(z + h) - sigmoid(z - h)) / (2 * h))


def draw(out_dir, runs):
    v = section_values(SNIPPET, "imports", "secants")
    z, steps = v["z"], v["steps"]
    a = float(sigmoid(z))
    reach = max(steps) + MARGIN
    curve_z = np.linspace(z - reach, z + reach, 400)
    with plot(800, 330) as (fig, ax):
        ax.plot(curve_z, sigmoid(curve_z), color=_svg.MPL["ink"], linewidth=2.5,
                label="sigmoid(z)")
        for h, name in zip(steps, SECANT_COLOURS, strict=True):
            slope = secant_slope(z, h)
            ends = np.array([z - h, z + h])
            line_z = np.array([z - h - 0.3, z + h + 0.3])
            ax.plot(line_z, a + slope * (line_z - z), color=_svg.MPL[name], linewidth=1.6,
                    label=f"h = {h}: slope {slope:.4f}")
            ax.plot(ends, sigmoid(ends), "o", color=_svg.MPL[name], markersize=6)
        tangent = float(sigmoid_derivative(a))
        line_z = np.array([z - TANGENT_REACH, z + TANGENT_REACH])
        ax.plot(line_z, a + tangent * (line_z - z), color=_svg.MPL["red"], linewidth=2.5,
                linestyle="--", label=f"tangent: slope {tangent:.4f}")
        ax.plot([z], [a], "o", color=_svg.MPL["red"], markersize=8)
        ax.annotate(f"z = {z}", (z, a), xytext=(14, -4), textcoords="offset points",
                    ha="left", va="top")
        ax.set_xlim(z - reach, z + reach)
        ax.set_ylim(-0.08, 1.08)
        ax.set_xlabel("z")
        ax.set_ylabel("sigmoid(z)")
        ax.legend(loc="upper left", handlelength=1.6)
        save_matplotlib(fig, out_dir / "diagram-derivative.svg")
