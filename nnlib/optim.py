"""Optimisers: the rule that turns gradients into weight changes.

Each has ``step(params, grads)``, which updates the arrays in ``params`` in place (so the
network sees the change), and a ``lr`` you may change between steps for a schedule.
"""

from __future__ import annotations

import numpy as np


class SGD:
    """Plain gradient descent, the guide's rule: ``w -= lr * dw``."""

    def __init__(self, lr: float = 0.5) -> None:
        self.lr = lr

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        for name, w in params.items():
            w -= self.lr * grads[name]

    def __repr__(self) -> str:
        return f"SGD(lr={self.lr})"


class Momentum:
    """Gradient descent with momentum: steps follow a running average of past gradients.

    ``velocity = momentum * velocity - lr * dw``, then ``w += velocity``. Along a direction
    where gradients keep agreeing the steps grow; where they flip sign they cancel out.
    """

    def __init__(self, lr: float = 0.1, momentum: float = 0.9) -> None:
        self.lr, self.momentum = lr, momentum
        self.velocity: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
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
    """

    def __init__(self, lr: float = 1e-3, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> None:
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.m: dict[str, np.ndarray] = {}
        self.v: dict[str, np.ndarray] = {}

    def step(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
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
