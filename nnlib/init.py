"""Weight initialisations: where the weights start before training moves them.

Each takes the layer's fan-in (inputs) and fan-out (neurons) and returns a
(fan_in, fan_out) matrix drawn from ``rng``.
"""

from __future__ import annotations

from typing import Callable

import numpy as np


def guide_init(fan_in: int, fan_out: int, rng: np.random.Generator, dtype=np.float64) -> np.ndarray:
    """The guide's choice: standard normal numbers times 0.1, whatever the layer's size."""
    return (rng.standard_normal((fan_in, fan_out)) * 0.1).astype(dtype)


def xavier(fan_in: int, fan_out: int, rng: np.random.Generator, dtype=np.float64) -> np.ndarray:
    """Xavier/Glorot uniform: keeps the variance of signals about the same through sigmoid layers.

    Uniform on ``[-limit, limit]`` with ``limit = sqrt(6 / (fan_in + fan_out))``.
    """
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(dtype)


def he(fan_in: int, fan_out: int, rng: np.random.Generator, dtype=np.float64) -> np.ndarray:
    """He normal: standard deviation ``sqrt(2 / fan_in)``, made for ReLU layers.

    ReLU zeroes half its inputs on average; doubling the variance makes up for it.
    """
    return (rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)).astype(dtype)


Initializer = Callable[..., np.ndarray]
INITIALIZERS: dict[str, Initializer] = {"guide": guide_init, "xavier": xavier, "he": he}
