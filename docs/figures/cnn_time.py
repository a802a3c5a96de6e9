"""Where a training step of the CNN spends its time in nnlib, in one thread.

Not measured at build time: the bars are the committed record of
``python -m nnlib.tools.bench --model cnn`` with one thread (benchmarks/cnn-one-thread.json),
whose nnlib worker timed 200 training steps part by part after its epochs. Each bar is a
kind of work (``nnlib.tools.bench.TIME_GROUPS``), in milliseconds per step of 64 images,
labelled with its share of the step.
"""

FIGURES = ["cnn-time.png"]
DEPENDS_ON = ["benchmarks"]

import matplotlib.pyplot as plt
import numpy as np

from figures._style import BLUE, ORANGE, save
from figures.beyond_bench import load_records
from nnlib.tools import bench


def draw(out_dir, runs):
    one_thread, _ = load_records()["cnn-one-thread"]
    draw_bars({"one thread": one_thread.step_milliseconds}, out_dir / "cnn-time.png")


def draw_bars(steps: dict[str, dict[str, float]], path) -> None:
    """One group of bars per kind of work; ``steps`` maps a label to a step's parts (ms)."""
    groups = {label: bench.time_groups(parts) for label, parts in steps.items()}
    kinds = list(bench.TIME_GROUPS)
    fig, ax = plt.subplots(figsize=(7.0, 3.0))
    height = 0.8 / len(groups)
    for i, ((label, ms), colour) in enumerate(zip(groups.items(), (BLUE, ORANGE))):
        whole = steps[label]["whole step"]
        y = np.arange(len(kinds)) + (i - (len(groups) - 1) / 2) * height
        values = [ms[kind] for kind in kinds]
        ax.barh(y, values, height=height, color=colour,
                label=f"{label}: {whole:.2f} ms per step")
        for value, at in zip(values, y):
            ax.text(value, at, f" {value / whole:.0%}", va="center", fontsize=8)
    ax.set_yticks(range(len(kinds)), kinds)
    ax.invert_yaxis()  # the first kind at the top
    ax.set_xlabel("milliseconds per training step of 64 images (nnlib)")
    ax.legend(loc="lower right")
    ax.grid(axis="y", visible=False)
    save(fig, path)
