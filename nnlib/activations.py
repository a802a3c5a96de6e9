"""Activation functions and their derivatives.

Each function takes and returns NumPy arrays of any shape and keeps the input's float dtype,
so the same code serves float64 (for gradient checks) and float32 (for speed).
"""

from __future__ import annotations

import numpy as np


# --8<-- [start:sigmoid]
def sigmoid(z: np.ndarray | float) -> np.ndarray:
    """Squash ``z`` into (0, 1): ``1 / (1 + exp(-z))``.

    Written so that ``np.exp`` only ever sees non-positive numbers: for a large
    negative ``z`` the textbook form would compute ``exp(1000)`` and overflow.
    ``exp(-|z|)`` is at most 1, and the two branches below are the same function
    rearranged.

    Built in [Part 2: the sigmoid](../part2/sigmoid.md#very-large-inputs).

    Examples:
        >>> float(sigmoid(0.0)), round(float(sigmoid(1.0)), 2)
        (0.5, 0.73)
        >>> sigmoid(np.array([-1000.0, 1000.0]))  # no overflow
        array([0., 1.])
    """
    z = np.asarray(z)
    if not np.issubdtype(z.dtype, np.floating):
        z = z.astype(np.float64)
    e = np.exp(-np.abs(z))
    out = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return out.astype(z.dtype, copy=False)
# --8<-- [end:sigmoid]


def sigmoid_derivative(a: np.ndarray | float) -> np.ndarray:
    """Derivative of the sigmoid, written in terms of its *output* ``a = sigmoid(z)``.

    The original guide's form: ``a * (1 - a)``. Backpropagation already has ``a`` from the forward
    pass, so nothing needs recomputing. Its largest value is 0.25, at ``a = 0.5``.

    Built in [Part 2: the derivative](../part2/derivative.md#the-sigmoids-slope-a1-a).

    Examples:
        >>> float(sigmoid_derivative(sigmoid(0.0)))  # the steepest slope
        0.25
    """
    a = np.asarray(a)
    return a * (1 - a)


# --8<-- [start:relu]
def relu(z: np.ndarray | float) -> np.ndarray:
    """Rectified linear unit: ``max(0, z)``, element-wise.

    Used in [Beyond: ReLU](../beyond/index.md#1-relu-in-the-hidden-layer).

    Examples:
        >>> relu(np.array([-1.5, 0.0, 2.5]))
        array([0. , 0. , 2.5])
    """
    z = np.asarray(z)
    return np.maximum(z, 0)
# --8<-- [end:relu]


def relu_derivative(z: np.ndarray | float) -> np.ndarray:
    """Derivative of ReLU with respect to its input ``z``: 1 where ``z > 0``, else 0.

    At exactly 0 the derivative is undefined; we use 0, as most libraries do. Passing the
    ReLU's output instead of its input gives the same mask, since ``relu(z) > 0`` exactly
    where ``z > 0``.

    Used in [Beyond the original guide, 1. ReLU](../beyond/index.md#1-relu-in-the-hidden-layer).

    Examples:
        >>> relu_derivative(np.array([-1.5, 0.0, 2.5]))  # 0 at the kink itself
        array([0., 0., 1.])
    """
    z = np.asarray(z)
    dtype = z.dtype if np.issubdtype(z.dtype, np.floating) else np.float64
    return (z > 0).astype(dtype)


# --8<-- [start:softmax]
def softmax(z: np.ndarray) -> np.ndarray:
    """Turn each row of scores into probabilities that sum to 1.

    Subtracting the row's max first changes nothing mathematically (it cancels
    in the ratio) but keeps ``np.exp`` from overflowing: the largest exponent
    becomes ``exp(0) = 1``. A 1-D input is treated as a single row.

    Used in [Beyond: softmax](../beyond/index.md#2-softmax-with-cross-entropy).

    Examples:
        >>> softmax(np.array([0.0, np.log(3.0)]))  # e**z: 1 and 3
        array([0.25, 0.75])
        >>> softmax(np.array([[1000.0, 1000.0]]))  # no overflow
        array([[0.5, 0.5]])
    """
    z = np.asarray(z)
    if not np.issubdtype(z.dtype, np.floating):
        z = z.astype(np.float64)
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
# --8<-- [end:softmax]
