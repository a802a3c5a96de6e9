"""How good is the network? Accuracy and the confusion matrix."""

from __future__ import annotations

import numpy as np


def as_labels(values: np.ndarray) -> np.ndarray:
    """Integer labels from either labels (1-D) or per-class scores/one-hot rows (2-D, argmax).

    Built in [Part 3, step 5: the error](../part3/step5-the-error.md#how-good-is-a-network-that-has-learned-nothing).

    Examples:
        >>> as_labels(np.array([[0.2, 0.7, 0.1]]))  # the position of the largest score
        array([1])
    """
    values = np.asarray(values)
    return values.argmax(axis=1) if values.ndim == 2 else values


def accuracy(y_true: np.ndarray, y_pred: np.ndarray) -> float:
    """Fraction of examples whose predicted class equals the true class.

    The true classes come first, as in scikit-learn and [`confusion_matrix`][nnlib.metrics.confusion_matrix]. Both
    arguments may be integer labels or 2-D rows of scores / one-hot vectors.

    Built in [Part 3, step 5: the error](../part3/step5-the-error.md#how-good-is-a-network-that-has-learned-nothing).

    Examples:
        >>> accuracy(np.array([3, 1, 4, 1]), np.array([3, 1, 4, 7]))  # 3 of 4 right
        0.75
        >>> accuracy(np.array([1, 0]), np.array([[0.1, 0.9], [0.3, 0.7]]))  # scores
        0.5
    """
    true, predicted = as_labels(y_true), as_labels(y_pred)
    if predicted.shape != true.shape:
        raise ValueError(
            f"y_true gives {true.shape[0] if true.ndim else 0} labels but y_pred gives "
            f"{predicted.shape[0] if predicted.ndim else 0}: they must describe the same "
            f"examples, in the same order."
        )
    if len(true) == 0:
        raise ValueError("accuracy of zero examples is undefined: pass at least one example.")
    return float(np.mean(predicted == true))


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int = 10) -> np.ndarray:
    """Count matrix ``C`` where ``C[i, j]`` is how many examples of class ``i`` were predicted as ``j``.

    The diagonal holds the correct answers; each row sums to the number of examples of that class.

    Used in [Part 3, step 8: evaluating what it learned](../part3/step8-evaluate.md#the-confusion-matrix).

    Examples:
        >>> confusion_matrix(np.array([0, 0, 1, 2]), np.array([0, 1, 1, 2]), n_classes=3)
        array([[1, 1, 0],
               [0, 1, 0],
               [0, 0, 1]])
    """
    y_true, y_pred = as_labels(y_true), as_labels(y_pred)
    if y_true.shape != y_pred.shape:
        raise ValueError(f"y_true has shape {y_true.shape} but y_pred has shape {y_pred.shape}.")
    for name, y in (("y_true", y_true), ("y_pred", y_pred)):
        if len(y) and (y.min() < 0 or y.max() >= n_classes):
            raise ValueError(f"{name} has labels outside 0..{n_classes - 1}: min {y.min()}, max {y.max()}.")
    flat = np.bincount(n_classes * y_true.astype(np.int64) + y_pred, minlength=n_classes * n_classes)
    return flat.reshape(n_classes, n_classes)
