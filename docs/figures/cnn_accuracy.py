"""The CNN's test accuracy after each epoch beside the best multilayer perceptron's.

Both curves are the build's own runs (docs/figures/_runs.py): "cnn" (nnlib.conv.cnn, Adam
along a cosine, batches of 64) and "best-mlp" (snippets/beyond/targets.py's 784-256-128-10
recipe: dropout, momentum along a cosine, batches of 128, 20 epochs), each on all 60,000
training digits, tested on all 10,000 test digits. The legend gives each one's last accuracy.
"""

FIGURES = ["cnn-accuracy.png"]
USES_RUNS = ["cnn", "best-mlp"]

import math

import matplotlib.pyplot as plt

from figures._style import BLUE, save

CNN_LABEL = "CNN (nnlib.conv.cnn)"
MLP_LABEL = "best MLP (784-256-128-10, targets.py)"


def draw(out_dir, runs):
    draw_curves({CNN_LABEL: list(runs["cnn"]["test_accuracy"]),
                 MLP_LABEL: list(runs["best-mlp"]["test_accuracy"])},
                out_dir / "cnn-accuracy.png")


def draw_curves(curves: dict[str, list[float]], path) -> None:
    """Test accuracy per epoch of each run; ``curves`` maps a label to its accuracies."""
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    styles = {CNN_LABEL: (BLUE, "-", "o"), MLP_LABEL: ("grey", "--", "s")}
    for label, accuracies in curves.items():
        colour, line, marker = styles.get(label, ("black", "-", "o"))
        ax.plot(range(1, len(accuracies) + 1), accuracies, color=colour, linestyle=line,
                linewidth=2, marker=marker, markersize=4,
                label=f"{label}: {accuracies[-1]:.2%} after {len(accuracies)} epochs")
    epochs = max(len(accuracies) for accuracies in curves.values())
    lowest = min(min(accuracies) for accuracies in curves.values())
    ax.set_ylim(math.floor(lowest * 200) / 200, 1.0)  # from the 0.5% step below the lowest
    ax.set_xlim(0.5, epochs + 0.5)
    ax.set_xticks(range(1, epochs + 1))
    ax.tick_params(axis="x", labelsize=9)
    ax.set_xlabel("epoch (all 60,000 training digits each)")
    ax.set_ylabel("test accuracy")
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.1%}"))
    ax.legend(loc="lower right", fontsize=9)
    fig.tight_layout()
    save(fig, path)
