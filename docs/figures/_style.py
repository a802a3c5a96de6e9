"""The shared look of the site's figures: one place to change size, resolution and colours.

Every figure script saves through ``save`` so that all images have the same resolution and a
white background (readable in the dark theme too).
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no window: figures are drawn during the site build

import matplotlib.pyplot as plt  # noqa: E402

DPI = 144  # sharp on high-density screens, still small files
WIDE = (7.0, 3.6)  # inches: a figure spanning the text column

# Colours taken from Matplotlib's default cycle so figures look alike.
BLUE, ORANGE, GREEN, RED = "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"

plt.rcParams.update(
    {
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.alpha": 0.3,
        "font.size": 11,
        "legend.frameon": False,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
    }
)


def save(fig: matplotlib.figure.Figure, path: Path) -> None:
    """Write ``fig`` as a PNG at ``path`` and free its memory."""
    fig.savefig(path, dpi=DPI, bbox_inches="tight", metadata={"Software": None})
    plt.close(fig)
