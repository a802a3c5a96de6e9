"""Weight initialisations: where the weights start before training moves them.

Each takes the layer's fan-in (inputs) and fan-out (neurons) and returns a
(fan_in, fan_out) matrix drawn from ``rng``.
"""

from __future__ import annotations

from typing import Callable

import numpy as np
import numpy.typing as npt


def guide_init(fan_in: int, fan_out: int, rng: np.random.Generator,
               dtype: npt.DTypeLike = np.float64) -> np.ndarray:
    """The original guide's choice: standard normal numbers times 0.1, whatever the layer's size.

    Built in [Part 3, step 4: two layers](../part3/step4-two-layers.md#the-weights).

    Examples:
        >>> W = guide_init(784, 64, np.random.default_rng(0))
        >>> W.shape, round(float(W.std()), 2)
        ((784, 64), 0.1)
    """
    return (rng.standard_normal((fan_in, fan_out)) * 0.1).astype(dtype)


def xavier(fan_in: int, fan_out: int, rng: np.random.Generator,
           dtype: npt.DTypeLike = np.float64) -> np.ndarray:
    """Xavier/Glorot uniform: keeps the variance of signals about the same through sigmoid layers.

    Uniform on ``[-limit, limit]`` with ``limit = sqrt(6 / (fan_in + fan_out))``.

    See [Beyond the original guide, 3. He initialisation](../beyond/index.md#3-he-initialisation),
    the same idea for ReLU layers (no page uses Xavier's).

    Examples:
        >>> W = xavier(2, 4, np.random.default_rng(0), np.float32)  # limit sqrt(6 / 6) = 1
        >>> W.shape, W.dtype, bool(np.abs(W).max() <= 1.0)
        ((2, 4), dtype('float32'), True)
    """
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=(fan_in, fan_out)).astype(dtype)


def he(fan_in: int, fan_out: int, rng: np.random.Generator,
       dtype: npt.DTypeLike = np.float64) -> np.ndarray:
    """He normal: standard deviation ``sqrt(2 / fan_in)``, made for ReLU layers.

    ReLU zeroes half its inputs on average; doubling the variance makes up for it.

    Used in [Beyond the original guide, 3. He initialisation](../beyond/index.md#3-he-initialisation).

    Examples:
        >>> W = he(784, 256, np.random.default_rng(0))  # sqrt(2 / 784) = 0.0505...
        >>> W.shape, round(float(W.std()), 2)
        ((784, 256), 0.05)
    """
    return (rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)).astype(dtype)


Initializer = Callable[..., np.ndarray]
INITIALIZERS: dict[str, Initializer] = {"guide": guide_init, "xavier": xavier, "he": he}
