"""Gradient checking: how the finite-difference step eps decides what the check can see.

For a small float64 network (the one of ``snippets/beyond/gradient_checking.py``, with a
sigmoid hidden layer here so that the curve is smooth), the largest relative error between
backpropagation and the central difference, for eps from 1e-1 to 1e-12: too large and the
slope changes within the step (error ~ eps^2), too small and rounding in the two losses
dominates (error ~ 1e-16 / eps).
"""

FIGURES = ["beyond-gradcheck-eps.png"]

import matplotlib.pyplot as plt
import numpy as np
from figures._style import BLUE, ORANGE, WIDE, save

from nnlib import Network, gradcheck, one_hot

EPSILONS = np.logspace(-1, -12, 23)


def draw(out_dir, runs):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((4, 6))
    Y = one_hot(rng.integers(0, 3, size=4), n_classes=3, dtype=np.float64)
    errors = {}
    for activation in ("sigmoid", "relu"):
        net = Network([6, 5, 3], activation=activation, dtype=np.float64, rng=0)
        errors[activation] = [max(gradcheck(net, X, Y, eps=eps).values()) for eps in EPSILONS]
    draw_errors(EPSILONS, errors, out_dir / "beyond-gradcheck-eps.png")


def draw_errors(epsilons, errors: dict[str, list[float]], path) -> None:
    """``errors`` maps the hidden activation to the largest relative error at each eps."""
    fig, ax = plt.subplots(figsize=WIDE)
    colours = {"sigmoid": BLUE, "relu": ORANGE}
    for activation, values in errors.items():
        ax.loglog(epsilons, values, marker="o", markersize=4, linewidth=2, color=colours[activation],
                  label=f"{activation} hidden layer")
    ax.axhline(1e-7, color="grey", linestyle=":", linewidth=1)
    ax.text(epsilons[0], 1.5e-7, "a correct backward pass: below about 1e-7", fontsize=9, color="grey")
    ax.set_xlabel("eps, the nudge of each weight")
    ax.set_ylabel("largest relative error")
    ax.invert_xaxis()
    ax.legend(loc="upper center")
    save(fig, path)
