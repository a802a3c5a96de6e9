"""Gradient checking: does backpropagation agree with the definition of a derivative?

For each weight ``w`` we nudge it up and down by ``eps`` and measure the loss:
``(L(w + eps) - L(w - eps)) / (2 * eps)`` approximates ``dL/dw`` with an error of order
``eps**2``. If backpropagation is right, the two agree to many digits.
"""

from __future__ import annotations

import numpy as np

from nnlib.train import Model


def numerical_gradient(model: Model, X: np.ndarray, Y: np.ndarray, name: str,
                       eps: float = 1e-6) -> np.ndarray:
    """Central finite-difference gradient of ``model``'s loss with respect to ``model.params[name]``.

    Each weight is nudged up and down by ``eps`` in turn, and put back.

    Built in [Gradient checking: the idea](../beyond/gradient-checking.md#the-idea).
    """
    w = model.params[name]
    grad = np.zeros_like(w)
    for index in np.ndindex(w.shape):
        original = w[index]
        w[index] = original + eps
        model.forward(X)
        loss_plus = model.loss(Y)
        w[index] = original - eps
        model.forward(X)
        loss_minus = model.loss(Y)
        w[index] = original
        grad[index] = (loss_plus - loss_minus) / (2 * eps)
    return grad


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """``|a - b| / (|a| + |b|)`` with vector norms: 0 for identical arrays, about 1 for unrelated ones.

    Used in [Gradient checking](../beyond/gradient-checking.md#every-weight-at-once-nnlibgradcheck).

    Examples:
        >>> relative_error(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
        0.0
        >>> relative_error(np.array([2.0]), np.array([0.0]))  # one of them is zero
        1.0
        >>> round(relative_error(np.array([1.0]), np.array([1.000002])), 8)  # 2e-6 / 2
        1e-06
    """
    denominator = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denominator == 0 else float(np.linalg.norm(a - b) / denominator)


def gradcheck(model: Model, X: np.ndarray, Y: np.ndarray, eps: float = 1e-6) -> dict[str, float]:
    """Compare ``model.backward``'s gradients with finite differences, parameter by parameter.

    Returns the relative error for each parameter name (below about 1e-6 means the
    backward pass is right). The model must compute in float64: float32 rounding alone
    gives errors around 1e-3. Use a small network and a handful of examples: it runs two
    forward passes per weight. Dropout must be off (``forward`` is called with ``training=False``).

    Used in [Part 3, step 6: is it right?](../part3/step6-backpropagation.md#is-it-right-check-against-finite-differences)
    Used in [Gradient checking](../beyond/gradient-checking.md#every-weight-at-once-nnlibgradcheck).

    Examples:
        >>> from nnlib import Network
        >>> rng = np.random.default_rng(0)
        >>> X, Y = rng.random((4, 6)), np.eye(3)[[0, 1, 2, 1]]
        >>> errors = gradcheck(Network([6, 5, 3], rng=0, dtype=np.float64), X, Y)
        >>> sorted(errors), max(errors.values()) < 1e-6
        (['W1', 'W2', 'b1', 'b2'], True)
    """
    if any(w.dtype != np.float64 for w in model.params.values()):
        raise ValueError("gradcheck needs a float64 model (e.g. Network(..., dtype=np.float64)).")
    X = np.asarray(X, dtype=np.float64)
    model.forward(X)
    model.backward(Y)
    analytic = {name: g.copy() for name, g in model.grads.items()}
    return {
        name: relative_error(analytic[name], numerical_gradient(model, X, Y, name, eps))
        for name in model.params
    }
