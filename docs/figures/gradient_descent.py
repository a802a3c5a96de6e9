"""Gradient descent on a one-dimensional curve: each step moves against the slope.

The steps shrink on their own as the curve flattens near the minimum, although the learning
rate stays the same: the step is learning_rate * slope.
"""

import matplotlib.pyplot as plt
import numpy as np
from figures._style import BLUE, RED, WIDE, save

START = -1.0  # where the weight starts
LEARNING_RATE = 0.3
STEPS = 6
MINIMUM = 2.0


def loss(w):
    """A bowl with its lowest point at w = MINIMUM: the error as a function of one weight."""
    return (w - MINIMUM) ** 2 + 0.5


def slope(w):
    """The derivative of ``loss``: 2 * (w - MINIMUM)."""
    return 2 * (w - MINIMUM)


def descend(w, learning_rate, steps):
    """The weights visited by gradient descent, starting point included."""
    visited = [w]
    for _ in range(steps):
        w = w - learning_rate * slope(w)
        visited.append(w)
    return np.array(visited)


def draw(out_dir, runs):
    w = np.linspace(-1.6, 5.6, 300)
    path = descend(START, LEARNING_RATE, STEPS)

    fig, ax = plt.subplots(figsize=WIDE)
    ax.plot(w, loss(w), color=BLUE, linewidth=2.5, label="error(w)")
    for a, b in zip(path[:-1], path[1:]):  # each step, drawn as a hop above the curve
        ax.annotate(
            "",
            xy=(b, loss(b)),
            xytext=(a, loss(a)),
            arrowprops={
                "arrowstyle": "->",
                "color": RED,
                "linewidth": 1.5,
                "shrinkA": 4,
                "shrinkB": 4,
                "connectionstyle": "arc3,rad=-0.35",
            },
        )
    steps_label = f"steps, learning rate {LEARNING_RATE}"
    ax.plot(path, loss(path), "o", color=RED, markersize=6, label=steps_label)
    ax.annotate(
        "start", (path[0], loss(path[0])), xytext=(10, 0), textcoords="offset points", va="center"
    )
    ax.annotate(
        "minimum: slope 0",
        (MINIMUM, loss(MINIMUM)),
        xytext=(40, 30),
        textcoords="offset points",
        arrowprops={"arrowstyle": "->", "color": "grey"},
    )
    ax.set_xlabel("w (one weight)")
    ax.set_ylabel("error")
    ax.set_ylim(0, loss(w).max() * 1.05)
    ax.legend(loc="upper center")
    save(fig, out_dir / "gradient-descent.png")
