"""Helpers shared by Part 2's diagrams (the derivative's secants, gradient descent)."""

from __future__ import annotations

import contextlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from figures import _svg  # noqa: E402

FONT_SIZE = 13  # a diagram's text: 13-16 units, and a Matplotlib point is one SVG unit
POINTS_PER_INCH = 72


@contextlib.contextmanager
def plot(width: float, height: float, **subplots):
    """A themed Matplotlib figure about ``width`` x ``height`` SVG units; yields (fig, axes)."""
    style = _svg.matplotlib_style() | {"font.size": FONT_SIZE, "axes.titlesize": FONT_SIZE,
                                       "axes.labelsize": FONT_SIZE, "legend.fontsize": FONT_SIZE,
                                       "xtick.labelsize": FONT_SIZE, "ytick.labelsize": FONT_SIZE}
    with plt.rc_context(style):
        # at 72 dpi a pixel of the canvas is a point, that is an SVG unit: positions measured
        # with ax.transData are in the units the diagram is drawn in
        fig, axes = plt.subplots(figsize=(width / POINTS_PER_INCH, height / POINTS_PER_INCH),
                                 dpi=POINTS_PER_INCH, **subplots)
        yield fig, axes
