"""Checks on the arrays a user hands to nnlib, with error messages that say what to do."""

from __future__ import annotations

import numpy as np


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same shape."""
    if np.shape(a) != np.shape(b):
        raise ValueError(
            f"{name_a} has shape {np.shape(a)} but {name_b} has shape {np.shape(b)}; "
            f"they must match (one row per example, one column per output)."
        )


def check_inputs(X: np.ndarray, n_inputs: int) -> np.ndarray:
    """Return ``X`` as a 2-D array of shape (n_examples, n_inputs), or raise ``ValueError``."""
    X = np.asarray(X)
    if X.ndim == 1 and X.shape[0] == n_inputs:
        raise ValueError(
            f"X has shape {X.shape}: a single example must still be a row, shape (1, {n_inputs}). "
            f"Use X.reshape(1, -1)."
        )
    if X.ndim != 2 or X.shape[1] != n_inputs:
        hint = " Flatten 28x28 images with X.reshape(len(X), -1)." if X.ndim == 3 else ""
        raise ValueError(
            f"X has shape {X.shape} but the network expects (n_examples, {n_inputs}).{hint}"
        )
    check_finite(X)
    return X


def check_finite(X: np.ndarray, name: str = "X") -> None:
    """Raise ``ValueError`` if the 2-D array ``X`` holds a NaN or an infinite value.

    Training calls this on every batch, so the common case is one fast pass
    (``np.isfinite(X).all()``, a few microseconds for a batch of 128 images); only when
    it fails are the bad values counted and located, for the message.
    """
    if X.dtype.kind not in "fc" or np.isfinite(X).all():
        return  # integers and booleans are always finite
    bad = ~np.isfinite(X)
    first_row = int(np.argmax(bad.any(axis=1)))
    raise ValueError(
        f"{name} contains NaN or infinite values ({int(bad.sum())} of them, first in row "
        f"{first_row}): the network cannot learn from them. Find the rows with "
        f"np.flatnonzero(~np.isfinite({name}).all(axis=1)), then fix or drop them "
        f"(a missing pixel is usually 0)."
    )


def check_targets(Y: np.ndarray, n_examples: int, n_outputs: int) -> np.ndarray:
    """Return one-hot targets ``Y`` of shape (n_examples, n_outputs), or raise ``ValueError``."""
    Y = np.asarray(Y)
    if Y.ndim == 1:
        raise ValueError(
            f"Y has shape {Y.shape}: targets must be one-hot, shape ({n_examples}, {n_outputs}). "
            f"Convert integer labels with nnlib.one_hot(y)."
        )
    if Y.shape != (n_examples, n_outputs):
        raise ValueError(
            f"Y has shape {Y.shape} but X has {n_examples} examples and the network has "
            f"{n_outputs} outputs: expected ({n_examples}, {n_outputs})."
        )
    return Y
