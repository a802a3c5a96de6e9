"""Optimisers: the rule that turns gradients into weight changes.

Each has ``step(params, grads)``, which updates the arrays in ``params`` in place (so the
network sees the change), and a ``lr`` you may change between steps for a schedule.
Each checks its settings when it is made, so a negative learning rate fails at once
instead of after an epoch of training uphill.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Real

import numpy as np


def _is_number(value: object) -> bool:
    """True for ints and floats (NumPy's too), False for bools, strings, None..."""
    return isinstance(value, Real) and not isinstance(value, bool)


def _check_rate(name: str, value: float, advice: str) -> float:
    """Return ``value`` if it is a positive, finite number, else raise ``ValueError``."""
    if not (_is_number(value) and math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive, finite number, got {value!r}. {advice}")
    return value


def _check_fraction(name: str, value: float, advice: str) -> float:
    """Return ``value`` if it is a number in [0, 1), else raise ``ValueError``."""
    if not (_is_number(value) and 0 <= value < 1):
        raise ValueError(f"{name} must be in [0, 1), got {value!r}. {advice}")
    return value


_LR_ADVICE = (
    "It is the size of each step against the gradient: try the original guide's 0.5 with SGD, "
    "0.05 with Momentum or 1e-3 with Adam."
)


class SGD:
    """Plain gradient descent, the original guide's rule: ``w -= lr * dw``.

    Built in [Part 3, step 7: the weight update](../part3/step7-weight-update.md#one-step).

    Examples:
        >>> params = {"w": np.array([2.0])}
        >>> SGD(lr=0.5).step(params, {"w": np.array([1.0])})  # 2 - 0.5 * 1
        >>> params["w"]
        array([1.5])
    """

    def __init__(self, lr: float = 0.5) -> None:
        self.lr = _check_rate("lr", lr, _LR_ADVICE)

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Move every weight against its gradient by ``lr`` times the gradient, in place."""
        for name, w in params.items():
            w -= self.lr * grads[name]

    def __repr__(self) -> str:
        return f"SGD(lr={self.lr})"


class Momentum:
    """Gradient descent with momentum: steps follow a running average of past gradients.

    ``velocity = momentum * velocity - lr * dw``, then ``w += velocity``. Along a direction
    where gradients keep agreeing the steps grow; where they flip sign they cancel out.

    Used in [Beyond the original guide, 4. Momentum and Adam](../beyond/training.md#4-momentum-and-adam).

    Examples:
        >>> params, grads = {"w": np.array([0.0])}, {"w": np.array([1.0])}
        >>> optimizer = Momentum(lr=0.1, momentum=0.5)
        >>> optimizer.step(params, grads)  # velocity -0.1
        >>> optimizer.step(params, grads)  # velocity 0.5 * -0.1 - 0.1 = -0.15
        >>> params["w"].round(6)
        array([-0.25])
    """

    def __init__(self, lr: float = 0.1, momentum: float = 0.9) -> None:
        self.lr = _check_rate("lr", lr, _LR_ADVICE)
        self.momentum = _check_fraction(
            "momentum", momentum, "It is the share of each step kept in the next: try 0.9."
        )
        self.velocity: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Update the velocity of every weight, then move the weight by it, in place."""
        for name, w in params.items():
            if name not in self.velocity:
                self.velocity[name] = np.zeros_like(w)
            v = self.velocity[name]
            v *= self.momentum
            v -= self.lr * grads[name]
            w += v

    def __repr__(self) -> str:
        return f"Momentum(lr={self.lr}, momentum={self.momentum})"


class Adam:
    """Adam: momentum plus a per-weight step size from a running average of squared gradients.

    Both averages start at zero, so early on they are too small; dividing by
    ``1 - beta ** t`` corrects that bias.

    Used in [Beyond the original guide, 4. Momentum and Adam](../beyond/training.md#4-momentum-and-adam).

    Examples:
        >>> params = {"w": np.array([0.0, 0.0])}
        >>> Adam(lr=0.1).step(params, {"w": np.array([0.5, -30.0])})
        >>> params["w"].round(6)  # the first step moves each weight by lr, whatever its gradient
        array([-0.1,  0.1])
    """

    def __init__(
        self, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8
    ) -> None:
        self.lr = _check_rate("lr", lr, _LR_ADVICE)
        kept = "It is the share of a running average kept at each step: try"
        self.beta1 = _check_fraction("beta1", beta1, f"{kept} 0.9.")
        self.beta2 = _check_fraction("beta2", beta2, f"{kept} 0.999.")
        self.eps = _check_rate("eps", eps, "It keeps the step finite: try 1e-8.")
        self.t = 0
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        """Update both running averages, then move every weight, in place."""
        self.t += 1
        # Fold both bias corrections into one scalar step size: cheaper than correcting m and v.
        step_size = self.lr * (1 - self.beta2**self.t) ** 0.5 / (1 - self.beta1**self.t)
        for name, w in params.items():
            g = grads[name]
            if name not in self.m:
                self.m[name], self.v[name] = np.zeros_like(w), np.zeros_like(w)
            m, v = self.m[name], self.v[name]
            m += (1 - self.beta1) * (g - m)  # m = beta1 * m + (1 - beta1) * g
            v += (1 - self.beta2) * (g * g - v)  # v = beta2 * v + (1 - beta2) * g**2
            w -= step_size * m / (np.sqrt(v) + self.eps)

    def __repr__(self) -> str:
        return f"Adam(lr={self.lr}, beta1={self.beta1}, beta2={self.beta2})"


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}


# --8<-- [start:cosine-schedule]
def cosine_schedule(initial_lr: float, epochs: int) -> Callable[[int], float]:
    """A learning rate for each epoch that starts at ``initial_lr`` and glides
    towards 0 along half a cosine wave (for ``train``'s ``lr_schedule``).

    Used in [Beyond: more on the full
    data](../beyond/training.md#98-and-more-on-the-full-data) and
    [Convolutions](../beyond/convolutions.md#the-network).

    Examples:
        >>> schedule = cosine_schedule(2e-3, 4)
        >>> [round(schedule(epoch), 6) for epoch in range(4)]
        [0.002, 0.001707, 0.001, 0.000293]
    """
    return lambda epoch: (initial_lr * 0.5
                          * (1 + math.cos(math.pi * epoch / epochs)))
# --8<-- [end:cosine-schedule]
