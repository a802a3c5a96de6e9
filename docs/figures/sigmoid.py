"""The sigmoid squashes any number into (0, 1); its slope, a * (1 - a), peaks at 0.25.

Drawn from nnlib's own functions, so the figure shows exactly the code the pages teach.
"""

import matplotlib.pyplot as plt
import numpy as np
from figures._style import BLUE, ORANGE, WIDE, save

from nnlib.activations import sigmoid, sigmoid_derivative

Z_LIMIT = 8  # the curve is flat beyond about |z| = 6


def draw(out_dir, runs):
    z = np.linspace(-Z_LIMIT, Z_LIMIT, 401)
    a = sigmoid(z)
    slope = sigmoid_derivative(a)  # takes the sigmoid's OUTPUT, as in backpropagation

    fig, ax = plt.subplots(figsize=WIDE)
    ax.plot(z, a, color=BLUE, linewidth=2.5, label="sigmoid(z)")
    ax.plot(z, slope, color=ORANGE, linewidth=2.5, label="its derivative: a × (1 − a)")
    ax.axhline(1.0, color="grey", linewidth=0.8, linestyle=":")
    ax.axhline(0.0, color="grey", linewidth=0.8)
    arrow = {"arrowstyle": "->", "color": "grey"}
    ax.plot([0], [0.5], "o", color=BLUE)
    ax.annotate("sigmoid(0) = 0.5", (0, 0.5), xytext=(-6.5, 0.62), arrowprops=arrow)
    ax.plot([0], [0.25], "o", color=ORANGE)
    ax.annotate("largest slope: 0.25, at z = 0", (0, 0.25), xytext=(2.2, 0.38), arrowprops=arrow)
    ax.set_xlabel("z (the weighted sum)")
    ax.set_ylabel("value")
    ax.set_xlim(-Z_LIMIT, Z_LIMIT)
    ax.set_ylim(-0.05, 1.08)
    ax.legend(loc="upper left")
    save(fig, out_dir / "sigmoid.png")
