"""Loss functions: how wrong the network is, and the gradient that says how to be less wrong.

Every loss is averaged over the examples in the batch, so its gradient is divided by the
*actual* batch size: a last batch of 32 examples is averaged over 32, not over 64.
"""

from __future__ import annotations

import numpy as np

from nnlib.activations import softmax
from nnlib.tools.checks import check_same_shape


def mean_squared_error(output: np.ndarray, target: np.ndarray) -> float:
    """The original guide's error as a loss: half the squared error, summed over outputs, averaged over examples.

    ``0.5 * sum((output - target) ** 2) / n_examples``. The factor one half makes the
    gradient exactly the original guide's ``error = output - target`` (per example).

    Built in [Part 3, step 5: the error](../part3/step5-the-error.md#the-loss-the-error-as-one-number).

    Examples:
        >>> output, target = np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]])
        >>> mean_squared_error(output, target)  # 0.5 * (0.25 + 0.25) / 1 example
        0.25
    """
    check_same_shape(output, target, "output", "target")
    error = output - target
    return float(0.5 * np.sum(error * error) / len(output))


def mse_gradient(output: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Gradient of [`mean_squared_error`][nnlib.losses.mean_squared_error] with respect to ``output``: ``(output - target) / n``.

    The original guide's error, averaged over the batch: backpropagation starts from it.

    Built in [Part 3, step 6: backpropagation](../part3/step6-backpropagation.md#backwards-layer-by-layer).

    Examples:
        >>> mse_gradient(np.array([[0.5, 0.5]]), np.array([[1.0, 0.0]]))
        array([[-0.5,  0.5]])
    """
    check_same_shape(output, target, "output", "target")
    return (output - target) / len(output)


def cross_entropy(probabilities: np.ndarray, target: np.ndarray) -> float:
    """Cross-entropy of predicted probabilities against one-hot targets, averaged over examples.

    ``-sum(target * log(p)) / n``. Probabilities are clipped away from 0 so that a confident
    wrong answer costs a large but finite amount instead of ``log(0) = -inf``.

    Used in [Beyond the original guide, 2. Softmax with cross-entropy](../beyond/index.md#2-softmax-with-cross-entropy).

    Examples:
        >>> p = np.array([[0.5, 0.25, 0.25]])  # half the probability on the right class
        >>> round(cross_entropy(p, np.array([[1.0, 0.0, 0.0]])), 4)  # -ln 0.5
        0.6931
    """
    check_same_shape(probabilities, target, "probabilities", "target")
    tiny = np.finfo(probabilities.dtype).tiny if np.issubdtype(probabilities.dtype, np.floating) else 1e-300
    log_p = np.log(np.maximum(probabilities, tiny))
    return float(-np.sum(target * log_p) / len(probabilities))


def log_softmax(logits: np.ndarray) -> np.ndarray:
    """``log(softmax(logits))`` row by row, computed without ever taking ``log(0)``.

    Used in [Beyond the original guide, 2. Softmax with cross-entropy](../beyond/index.md#2-softmax-with-cross-entropy).

    Examples:
        >>> np.exp(log_softmax(np.array([[0.0, np.log(3.0)]])))
        array([[0.25, 0.75]])
        >>> log_softmax(np.array([[1000.0, 0.0]]))  # log(softmax) would be log(0) = -inf
        array([[    0., -1000.]])
    """
    shifted = logits - logits.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def softmax_cross_entropy(logits: np.ndarray, target: np.ndarray) -> float:
    """Cross-entropy of ``softmax(logits)`` against one-hot targets, computed from the logits.

    Going through [`log_softmax`][nnlib.losses.log_softmax] is exact and stable even for logits like 1000.

    Used in [Beyond the original guide, 2. Softmax with cross-entropy](../beyond/index.md#2-softmax-with-cross-entropy).

    Examples:
        >>> logits = np.array([[0.0, np.log(3.0)]])  # softmax: 0.25 and 0.75
        >>> round(softmax_cross_entropy(logits, np.array([[0.0, 1.0]])), 4)  # -ln 0.75
        0.2877
    """
    check_same_shape(logits, target, "logits", "target")
    return float(-np.sum(target * log_softmax(logits)) / len(logits))


def softmax_cross_entropy_gradient(logits: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Gradient of [`softmax_cross_entropy`][nnlib.losses.softmax_cross_entropy] with respect to the logits.

    The softmax's derivative and the logarithm's cancel, leaving ``(softmax(logits) - target) / n``:
    the same "output minus target" as the original guide's error, which is why this pair is so popular.

    Used in [Beyond the original guide, 2. Softmax with cross-entropy](../beyond/index.md#2-softmax-with-cross-entropy).

    Examples:
        >>> logits = np.array([[0.0, np.log(3.0)]])  # softmax: 0.25 and 0.75
        >>> softmax_cross_entropy_gradient(logits, np.array([[0.0, 1.0]]))
        array([[ 0.25, -0.25]])
    """
    check_same_shape(logits, target, "logits", "target")
    return (softmax(logits) - target) / len(logits)
