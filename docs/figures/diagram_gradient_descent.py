"""Gradient descent with three learning rates on the gradient descent page's own bowl,
(w - 3)^2 from w = 0: too small (it crawls), the page's own (about right), too big (each
step lands further up the other side, and the weight flies off). The steps are numbered.

Shown on Part 2, "Gradient descent". The bowl, the start, the number of steps, the rates
and the walk itself come from the page's snippet: its `loss`, the `learning_rate` of its
section "descend", and `descend`, `start`, `steps` and `rates` of "learning-rates" (the
smallest and the largest rate). It replaces a PNG drawn on another bowl.
"""

FIGURES = ["diagram-gradient-descent.svg"]
DEPENDS_ON = ["snippets/part2/gradient_descent.py"]

import numpy as np

from figures import _svg
from figures._part2 import plot
from figures._svg import save_matplotlib
from figures._snippets import section_values

SNIPPET = "snippets/part2/gradient_descent.py"
WIDTH, ROW_HEIGHT = 800, 195  # before Matplotlib trims the margins
IN_VIEW = 3  # the window shows the first steps of every run, this many of them
MARGIN = 0.6  # and this much more on each side (in w)
LABEL_GAP = 19  # a step gets its number only this many units (points) from the last one
CANDIDATES = [0, 1, 2, 3, 4, 5, 10, 20, 30]  # the steps that may be numbered, in order
MIN_HOP = 14  # hops shorter than this (points) get no arrow: their dots say enough


def runs_to_draw():
    """[(regime, learning rate, the w visited)], and the page's loss, start and steps."""
    loss = section_values(SNIPPET, "loss")["loss"]
    page_rate = section_values(SNIPPET, "descend")["learning_rate"]
    v = section_values(SNIPPET, "learning-rates")
    rates = [("too small", min(v["rates"])), ("about right (the page's)", page_rate),
             ("too big", max(v["rates"]))]
    walks = [(name, rate, np.array(v["descend"](v["start"], rate, v["steps"])))
             for name, rate in rates]
    return walks, loss, v["start"], v["steps"]


def draw(out_dir, runs):
    walks, loss, start, steps = runs_to_draw()
    first_steps = np.concatenate([path[: IN_VIEW + 1] for _, _, path in walks])
    left, right = first_steps.min() - MARGIN, first_steps.max() + MARGIN
    top = max(loss(left), loss(right)) * 1.05
    grid = np.linspace(left, right, 100_001)
    bottom = float(grid[np.argmin(loss(grid))])
    curve = np.linspace(left, right, 300)
    colours = ["orange", "green", "red"]
    with plot(WIDTH, ROW_HEIGHT * len(walks), nrows=len(walks), sharex=True) as (fig, axes):
        fig.subplots_adjust(hspace=0.55)
        for ax, (name, rate, path), colour in zip(axes, walks, colours, strict=True):
            ink = _svg.MPL[colour]
            ax.plot(curve, loss(curve), color=_svg.MPL["ink"], linewidth=2)
            ax.set_xlim(left, right)
            ax.set_ylim(0, top)
            ax.set_ylabel("loss")
            ax.set_title(f"η = {rate}: {name}", loc="left", pad=10)
            ax.set_title(f"after {steps} steps w = {path[-1]:.3f}", loc="right", pad=10)
            fig.canvas.draw()  # so that data can be measured in points below
            to_points = ax.transData.transform
            inside = [k for k, w in enumerate(path) if left <= w <= right and loss(w) <= top]
            shown = inside[: next((i for i, k in enumerate(inside) if k != i), len(inside))]
            ax.plot(path[shown], loss(path[shown]), "o", color=ink, markersize=4.5, zorder=3)
            for k in shown[1:]:
                a, b = (np.array([path[j], loss(path[j])]) for j in (k - 1, k))
                if np.hypot(*(to_points(b) - to_points(a))) >= MIN_HOP:
                    ax.annotate("", xy=b, xytext=a, arrowprops={
                        "arrowstyle": "->", "color": ink, "linewidth": 1.3,
                        "shrinkA": 3, "shrinkB": 3})
            last_point = None
            for k in [c for c in CANDIDATES if c in shown]:
                point = to_points((path[k], loss(path[k])))
                if last_point is not None and np.hypot(*(point - last_point)) < LABEL_GAP:
                    continue
                last_point = point
                side = -1 if path[k] < bottom else 1
                ax.annotate(str(k), (path[k], loss(path[k])), xytext=(9 * side, 7),
                            textcoords="offset points", ha="right" if side < 0 else "left",
                            va="bottom")
            if len(shown) < len(path):  # the next step leaves the window: point where to
                k = shown[-1] + 1
                a = np.array([path[k - 1], loss(path[k - 1])])
                b = np.array([path[k], loss(path[k])])
                t = min((right - a[0]) / (b[0] - a[0]) if b[0] > right else 1,
                        (left - a[0]) / (b[0] - a[0]) if b[0] < left else 1,
                        (top - a[1]) / (b[1] - a[1]) if b[1] > top else 1)
                edge = a + 0.92 * t * (b - a)
                ax.annotate("", xy=edge, xytext=a, arrowprops={
                    "arrowstyle": "->", "color": ink, "linewidth": 1.3, "shrinkA": 3,
                    "shrinkB": 0, "linestyle": "--"})
                ax.annotate(f"{k}: w = {path[k]:.2f}", edge, xytext=(-8, 0),
                            textcoords="offset points", ha="right", va="center")
        axes[-1].set_xlabel("w")
        save_matplotlib(fig, out_dir / "diagram-gradient-descent.svg")
