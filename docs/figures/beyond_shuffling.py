"""Why shuffle: test accuracy along one epoch, for the same digits in three orders.

The runs are those of ``snippets/beyond/shuffling.py``: a 784-128-10 network trained on one
epoch of the first 10,000 training digits, tested every 10 batches.
"""

FIGURES = ["beyond-shuffling.png"]
DEPENDS_ON = ["snippets/beyond/shuffling.py"]  # the runs come from there: part of the cache key

import contextlib
import io
from pathlib import Path

import matplotlib.pyplot as plt
from snippets.beyond import shuffling

from figures._style import BLUE, GREEN, RED, WIDE, save

COLOURS = {"shuffled": BLUE, "as stored": GREEN, "sorted by label": RED}
BATCH_SIZE, EVERY = 64, 10  # as in the snippet: accuracy measured every 10 batches of 64


def draw(out_dir, runs):
    with contextlib.redirect_stdout(io.StringIO()):  # the snippet prints its results
        curves = shuffling.run_orders()
    draw_orders(curves, out_dir / "beyond-shuffling.png")


def draw_orders(curves: dict[str, list[float]], path: Path) -> None:
    """``curves`` maps an order's name to the test accuracy measured every EVERY batches."""
    fig, ax = plt.subplots(figsize=WIDE)
    for name, accuracies in curves.items():
        seen = [(i + 1) * EVERY * BATCH_SIZE for i in range(len(accuracies))]
        ax.plot(seen, accuracies, color=COLOURS.get(name), linewidth=2, marker="o", markersize=3, label=name)
    ax.set_xlabel("training digits seen (one epoch)")
    ax.set_ylabel("test accuracy")
    ax.set_ylim(0, 1)
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    ax.legend(loc="center right")
    save(fig, path)
