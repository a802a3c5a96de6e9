"""The guide run, epoch by epoch: the training loss (left) and the test accuracy (right).

Both come from ``nnlib.train``'s history for the original guide's network (see ``_runs.py``). The loss
is the mean over each epoch's batches, measured while the network learned; the test accuracy
is measured on the 10,000 test digits after each epoch.
"""

FIGURES = ["guide-training-curves.png"]
USES_RUNS = ["guide"]

import matplotlib.pyplot as plt
import numpy as np
from figures._style import BLUE, ORANGE, WIDE, save

TARGET = 0.90  # the original guide's claim: past 90% at epoch 2


def draw(out_dir, runs):
    run = runs["guide"]
    loss, test_accuracy = run["loss"], run["test_accuracy"] * 100
    epochs = np.arange(1, len(loss) + 1)
    ticks = [1] + list(range(5, len(loss) + 1, 5))

    fig, (left, right) = plt.subplots(1, 2, figsize=WIDE)
    left.plot(epochs, loss, "o-", color=BLUE, linewidth=2, markersize=4)
    left.set_title("training loss (mean squared error)", fontsize=11)
    left.set_ylim(0, loss.max() * 1.08)

    right.plot(epochs, test_accuracy, "o-", color=ORANGE, linewidth=2, markersize=4)
    right.axhline(TARGET * 100, color="grey", linewidth=0.8, linestyle=":")
    if (test_accuracy > TARGET * 100).any():
        first = epochs[np.argmax(test_accuracy > TARGET * 100)]  # first epoch past the target
        right.text(first + 0.8, TARGET * 100 - 0.25, f"past {TARGET:.0%} at epoch {first}",
                   color="grey", ha="left", va="top", fontsize=9)
    right.set_title("test accuracy (10,000 digits)", fontsize=11)
    right.yaxis.set_major_formatter(lambda value, _: f"{value:.0f}%")
    right.annotate(
        f"{test_accuracy[-1]:.2f}% after\nepoch {epochs[-1]}",
        (epochs[-1], test_accuracy[-1]),
        xytext=(-40, -55),  # points: below and left of the last epoch, inside the panel
        textcoords="offset points",
        ha="center",
        arrowprops={"arrowstyle": "->", "color": "grey"},
        fontsize=10,
    )
    for ax in (left, right):
        ax.set_xlabel("epoch")
        ax.set_xticks(ticks)
        ax.set_xlim(0.3, len(loss) + 0.7)
    fig.tight_layout(w_pad=2)
    save(fig, out_dir / "guide-training-curves.png")
