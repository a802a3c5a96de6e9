"""From the guide's network to a modern one: test accuracy of every step of the ladder.

Left, the test accuracy after each epoch; right, where each step ends. The runs are those of
``snippets/beyond/ladder.py`` (each network 10 epochs on the first 10,000 training digits,
tested on all 10,000 test digits), so the page's table and this figure come from one code.
"""

FIGURES = ["beyond-ladder.png"]
DEPENDS_ON = ["snippets/beyond/ladder.py"]  # the runs come from there: part of the cache key

import importlib.util
from pathlib import Path

import matplotlib.pyplot as plt
from _style import save

ROOT = Path(__file__).resolve().parents[3]  # docs/overrides/figures/ -> the repository
ADAM = "Adam instead of momentum"
Y_LIMITS = (0.85, 0.965)  # the guide's first epochs start lower; the differences are at the top


def load_snippet(relative: str):
    """Import a snippet file as a module (its ``__main__`` part does not run)."""
    spec = importlib.util.spec_from_file_location(Path(relative).stem, ROOT / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def draw(out_dir, runs):
    histories = load_snippet("snippets/beyond/ladder.py").run_all()
    curves = {name: history.test_accuracy for name, history in histories.items()}
    draw_ladder(curves, out_dir / "beyond-ladder.png")


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

    names = list(curves)[::-1]  # the guide at the top
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
