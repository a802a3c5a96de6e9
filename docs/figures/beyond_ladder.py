"""From the original guide's network to a modern one: test accuracy of every step of the ladder.

``beyond-ladder.png``: left, the test accuracy after each epoch; right, where each step ends.
One small figure per change besides, the step before against the step that adds the change
(``beyond-ladder-*.png``). The runs are the shared run "ladder" (docs/figures/_runs.py: the
runs of ``snippets/beyond/ladder.py``, each network 10 epochs on the first 10,000 training
digits, tested on all 10,000 test digits), which numbers.py also reads: the pages' tables and
these figures come from one training.
"""

FIGURES = ["beyond-ladder.png", "beyond-ladder-relu.png", "beyond-ladder-softmax.png", "beyond-ladder-he.png",
           "beyond-ladder-optimisers.png", "beyond-ladder-dropout.png", "beyond-ladder-float32.png"]
USES_RUNS = ["ladder"]

from pathlib import Path
from types import SimpleNamespace

import matplotlib.pyplot as plt

from figures._style import BLUE, RED, save

ADAM = "Adam instead of momentum"
Y_LIMITS = (0.85, 0.965)  # the original guide's first epochs start lower; the differences are at the top


# Each change's figure: (file, the steps it compares, the last one being the change).
CHANGES = [
    ("beyond-ladder-relu.png", ["the original guide's network", "ReLU in the hidden layer"]),
    ("beyond-ladder-softmax.png", ["ReLU in the hidden layer", "softmax + cross-entropy"]),
    ("beyond-ladder-he.png", ["softmax + cross-entropy", "He initialisation"]),
    ("beyond-ladder-optimisers.png", ["128 hidden neurons", ADAM, "momentum"]),
]


def histories_of(run) -> dict[str, SimpleNamespace]:
    """The ladder run's arrays as histories: name -> .test_accuracy, .train_accuracy, .seconds."""
    return {str(name): SimpleNamespace(test_accuracy=list(run["test_accuracy"][i]),
                                       train_accuracy=list(run["train_accuracy"][i]),
                                       seconds=list(run["seconds"][i]))
            for i, name in enumerate(run["names"])}


def draw(out_dir, runs):
    histories = histories_of(runs["ladder"])
    floats = {"float64": histories.pop("float64"), "float32": histories["dropout"]}
    curves = {name: history.test_accuracy for name, history in histories.items()}
    draw_ladder(curves, out_dir / "beyond-ladder.png")
    for file_name, names in CHANGES:
        draw_change({name: curves[name] for name in names}, out_dir / file_name)
    draw_overfitting({name: histories[name] for name in ["momentum", "dropout"]},
                     out_dir / "beyond-ladder-dropout.png")
    draw_float_types(floats, out_dir / "beyond-ladder-float32.png")


def percent_axis(axis) -> None:
    axis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))


def draw_change(curves: dict[str, list[float]], path: Path) -> None:
    """Test accuracy per epoch of the step before (grey) and the step with the change (blue).

    ``curves`` maps step name -> test accuracy per epoch, the change last; a third curve
    in between (Adam, beside momentum) is drawn dashed in red.
    """
    fig, ax = plt.subplots(figsize=(7.0, 3.0))
    names = list(curves)
    styles = {names[0]: ("grey", "-"), names[-1]: (BLUE, "-")}
    for name in names[1:-1]:
        styles[name] = (RED, "--")
    for name, accuracies in curves.items():
        colour, line = styles[name]
        ax.plot(range(1, len(accuracies) + 1), accuracies, color=colour, linestyle=line, linewidth=2,
                marker="o", markersize=3, label=f"{name}: {accuracies[-1]:.1%}")
    ax.set_xlabel("epoch (10,000 training digits each)")
    ax.set_ylabel("test accuracy")
    ax.set_xticks(range(1, len(curves[names[0]]) + 1))
    percent_axis(ax.yaxis)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(names), fontsize=9)  # above: no curve under it
    fig.tight_layout()
    save(fig, path)


def draw_overfitting(histories: dict, path: Path) -> None:
    """Training and test accuracy per epoch of each run: the gap between them is overfitting."""
    fig, ax = plt.subplots(figsize=(7.0, 3.2))
    for (name, history), colour in zip(histories.items(), ["grey", BLUE]):
        epochs = range(1, len(history.test_accuracy) + 1)
        ax.plot(epochs, history.train_accuracy, color=colour, linestyle="--", linewidth=2,
                label=f"{name}, training digits (while learning): {history.train_accuracy[-1]:.1%}")
        ax.plot(epochs, history.test_accuracy, color=colour, linewidth=2, marker="o", markersize=3,
                label=f"{name}, test digits: {history.test_accuracy[-1]:.1%}")
    ax.set_xlabel("epoch (10,000 training digits each)")
    ax.set_ylabel("accuracy")
    ax.set_xticks(range(1, len(history.test_accuracy) + 1))
    percent_axis(ax.yaxis)
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize=9)
    fig.tight_layout()
    save(fig, path)


def draw_float_types(histories: dict, path: Path) -> None:
    """float64 against float32: test accuracy per epoch (left) and seconds per epoch (right)."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 3.0), gridspec_kw={"width_ratios": [3, 2]})
    colours = {"float64": "grey", "float32": BLUE}
    for name, history in histories.items():
        left.plot(range(1, len(history.test_accuracy) + 1), history.test_accuracy, color=colours[name],
                  linewidth=2, linestyle="-" if name == "float64" else "--",
                  label=f"{name}: {history.test_accuracy[-1]:.2%}")
    left.set_xlabel("epoch (10,000 training digits each)")
    left.set_ylabel("test accuracy")
    left.set_xticks(range(1, len(history.test_accuracy) + 1))
    percent_axis(left.yaxis)
    left.legend(loc="lower right", fontsize=9)
    names = list(histories)
    seconds = [min(histories[name].seconds) for name in names]  # the fastest epoch: least disturbed
    right.bar(names, seconds, color=[colours[name] for name in names])
    for i, value in enumerate(seconds):
        right.text(i, value, f"{value:.3f} s", ha="center", va="bottom", fontsize=9)
    right.set_ylabel("seconds per epoch (fastest)")
    right.set_ylim(0, max(seconds) * 1.2)
    right.grid(axis="x", visible=False)
    fig.tight_layout()
    save(fig, path)


def draw_ladder(curves: dict[str, list[float]], path: Path) -> None:
    """Curves and final accuracies of the ladder; ``curves`` maps step name -> test accuracy per epoch."""
    steps = [name for name in curves if name != ADAM]
    colours = {name: plt.cm.viridis(i / (len(steps) - 1) * 0.9) for i, name in enumerate(steps)}
    colours[ADAM] = "#d62728"
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [3, 2]})

    for name, accuracies in curves.items():
        epochs = range(1, len(accuracies) + 1)
        left.plot(epochs, accuracies, color=colours[name], linewidth=2,
                  linestyle="--" if name == ADAM else "-")
    left.set_xlabel("epoch (10,000 training digits each)")
    left.set_ylabel("test accuracy")
    left.set_ylim(*Y_LIMITS)
    left.set_xticks(range(1, len(next(iter(curves.values()))) + 1))
    left.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    left.set_title("test accuracy after each epoch (colours as on the right)", fontsize=10)

    names = list(curves)[::-1]  # the original guide's at the top
    finals = [curves[name][-1] for name in names]
    right.barh(range(len(names)), finals, color=[colours[name] for name in names])
    for i, value in enumerate(finals):
        right.text(value + 0.001, i, f"{value:.1%}", va="center", fontsize=9)
    right.set_yticks(range(len(names)), names, fontsize=9)
    right.set_xlim(Y_LIMITS[0], Y_LIMITS[1] + 0.01)
    right.set_xticks([0.86, 0.88, 0.90, 0.92, 0.94, 0.96])
    right.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    right.set_xlabel("test accuracy after 10 epochs")
    right.grid(axis="y", visible=False)
    fig.tight_layout()
    save(fig, path)
