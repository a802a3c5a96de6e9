"""The confusion matrix of the original guide's network on the 10,000 test digits.

Row = true digit, column = the network's answer, cell = how many times. The colour scale is
logarithmic: the diagonal holds about a thousand per digit, the mistakes a few dozen at most,
and a linear scale would hide every mistake.
"""

FIGURES = ["confusion-matrix.png"]
USES_RUNS = ["guide"]

import matplotlib.pyplot as plt
import numpy as np
from figures._digits import mnist
from figures._style import save
from matplotlib.colors import LogNorm

from nnlib import confusion_matrix

COLOURS = "Blues"


def draw(out_dir, runs):
    _, _, _, y_test = mnist()
    predicted = runs["guide"]["test_output"].argmax(axis=1)
    counts = confusion_matrix(y_test, predicted)
    n_classes = len(counts)

    fig, ax = plt.subplots(figsize=(6.2, 5.6))
    shown = np.ma.masked_equal(counts, 0)  # zero cells stay white (log(0) is undefined)
    norm = LogNorm(vmin=1, vmax=counts.max())
    ax.imshow(shown, cmap=COLOURS, norm=norm)
    for true in range(n_classes):
        for guess in range(n_classes):
            count = counts[true, guess]
            if count:
                dark = norm(count) > 0.6  # white text on dark cells
                ax.text(guess, true, str(count), ha="center", va="center", fontsize=9,
                        color="white" if dark else "black",
                        fontweight="bold" if true == guess else "normal")
    ax.set_xticks(range(n_classes))
    ax.set_yticks(range(n_classes))
    ax.set_xlabel("the network's answer")
    ax.set_ylabel("true digit")
    ax.xaxis.set_label_position("top")
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    right = np.trace(counts)
    ax.set_title(
        f"{right:,} of {counts.sum():,} test digits right; the rest are off the diagonal",
        fontsize=10, y=-0.08,
    )
    fig.tight_layout()
    save(fig, out_dir / "confusion-matrix.png")
