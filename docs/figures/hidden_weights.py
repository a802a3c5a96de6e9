"""What each hidden neuron looks for: its 784 incoming weights (a column of W1) as 28 x 28.

Red pixels have positive weights (ink there makes the neuron fire), blue ones negative (ink
there holds it back), white is near zero. All 64 share one symmetric colour scale, so their
strengths can be compared; it ends at the 99.5th percentile of the weights' sizes, so that
the few largest weights do not wash out the rest (they show in the darkest colour). Pixels
near the border are blank in (almost) every image, and a blank pixel's weights get no
gradient: the speckle there is the random start, unchanged.
"""

FIGURES = ["hidden-weights.png"]
USES_RUNS = ["guide"]

import matplotlib.pyplot as plt
import numpy as np
from figures._style import save

GRID = 8  # 8 x 8 = the 64 hidden neurons
CLIP_PERCENTILE = 99.5
COLOURS = "RdBu_r"  # diverging: red positive, blue negative, white zero


def weight_images(W1):
    """The columns of ``W1`` (784, n_hidden) as n_hidden images of 28 x 28."""
    return W1.T.reshape(-1, 28, 28)


def draw(out_dir, runs):
    images = weight_images(runs["guide"]["W1"])
    limit = np.percentile(np.abs(images), CLIP_PERCENTILE)  # symmetric: zero is white

    fig, axes = plt.subplots(GRID, GRID, figsize=(6.6, 6.2))
    for ax, image in zip(axes.flat, images):
        shown = ax.imshow(image, cmap=COLOURS, vmin=-limit, vmax=limit, interpolation="nearest")
        ax.axis("off")
    fig.subplots_adjust(left=0.01, right=0.86, bottom=0.01, top=0.99, wspace=0.06, hspace=0.06)
    bar_axes = fig.add_axes([0.89, 0.2, 0.025, 0.6])
    bar = fig.colorbar(shown, cax=bar_axes, extend="both")
    bar.set_label("weight (red: ink excites, blue: ink inhibits)", fontsize=9)
    bar.ax.tick_params(labelsize=9)
    save(fig, out_dir / "hidden-weights.png")
