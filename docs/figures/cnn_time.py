"""Where a training step of the CNN spends its time, in nnlib, with one thread and with two.

Not measured at build time: the bars are the committed records of
``python -m nnlib.tools.bench --model cnn`` (benchmarks/cnn-one-thread.json and
cnn-two-threads.json), whose nnlib worker timed 200 training steps part by part after its
epochs. Each bar is a kind of work (``nnlib.tools.bench.TIME_GROUPS``), in milliseconds per
step of 64 images, labelled with its share of the step.
"""

FIGURES = ["cnn-time.png"]
DEPENDS_ON = ["benchmarks"]

import matplotlib.pyplot as plt
import numpy as np

from figures._style import BLUE, ORANGE, save
from figures.beyond_bench import CNN_NAMES, load_records
from nnlib.tools import bench

LABELS = {"cnn-one-thread": "one thread", "cnn-two-threads": "two threads"}


def draw(out_dir, runs):
    records = load_records()
    steps = {LABELS[name]: records[name][0].step_milliseconds for name in CNN_NAMES}
    draw_bars(steps, out_dir / "cnn-time.png")


def draw_bars(steps: dict[str, dict[str, float]], path) -> None:
    """One group of bars per kind of work; ``steps`` maps a label to a step's parts (ms)."""
    groups = {label: bench.time_groups(parts) for label, parts in steps.items()}
    kinds = list(bench.TIME_GROUPS)
    fig, ax = plt.subplots(figsize=(7.0, 3.6))
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
