"""Grids of MNIST digits with a caption above each, shared by the digit figures.

Digits are drawn dark on white (``gray_r``), the way they were written, in a thin grey frame
that shows the 28 x 28 image; highlighted digits get a thick red frame and a red caption.
"""

from __future__ import annotations

from functools import lru_cache

import matplotlib.pyplot as plt
import numpy as np
from figures._style import RED

from nnlib import load_mnist

CELL = 0.9  # inches per digit in a grid
CAPTION_LINE = 0.2  # inches per line of caption
FRAME = "#bbbbbb"


@lru_cache(maxsize=1)
def mnist() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MNIST as ``(X_train, y_train, X_test, y_test)``, images 28 x 28, read once per build."""
    return load_mnist(flatten=False)


def digit_grid(images, captions, *, n_cols, highlight=None, cell=CELL, caption_lines=1, title=None):
    """Draw ``images`` (n, 28, 28) in rows of ``n_cols``, each with its caption above it.

    ``highlight`` (n booleans, optional) marks the digits to show in red. ``title`` goes
    above the grid. Returns the figure; the caller saves it.
    """
    n = len(images)
    n_rows = -(-n // n_cols)  # ceiling division
    highlight = np.zeros(n, bool) if highlight is None else np.asarray(highlight, bool)
    height = n_rows * (cell + CAPTION_LINE * caption_lines) + (0.35 if title else 0)
    fig, axes = plt.subplots(
        n_rows, n_cols, figsize=(n_cols * cell, height), squeeze=False, layout="constrained"
    )
    fig.get_layout_engine().set(w_pad=0.02, h_pad=0.02, wspace=0.04, hspace=0.02)
    for ax in axes.flat[n:]:
        ax.axis("off")  # the cells past the last digit stay empty
    for ax, image, caption, red in zip(axes.flat, images, captions, highlight):
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=1, interpolation="nearest")
        ax.set_title(caption, fontsize=9, color=RED if red else "black", pad=3)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(True)
            spine.set_color(RED if red else FRAME)
            spine.set_linewidth(2.5 if red else 0.8)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig
