"""Fixtures shared by the library's tests (the real MNIST is ``mnist``, in tests/conftest.py)."""

from __future__ import annotations

import os

import numpy as np
import pytest

from nnlib import one_hot


@pytest.fixture
def data_dir(mnist) -> str:
    """The directory the session's ``mnist`` came from (skips without NNLIB_DATA_DIR)."""
    return os.environ["NNLIB_DATA_DIR"]


@pytest.fixture(scope="session")
def small(mnist) -> tuple[np.ndarray, ...]:
    """6,000 training digits with one-hot targets and 2,000 test digits with labels."""
    X_train, y_train, X_test, y_test = mnist
    return X_train[:6000], one_hot(y_train[:6000]), X_test[:2000], y_test[:2000]


@pytest.fixture
def tiny() -> tuple[np.ndarray, np.ndarray]:
    """Five examples with six inputs, and one-hot targets among three classes (float64)."""
    X = np.random.default_rng(42).random((5, 6))
    return X, one_hot(np.array([0, 1, 2, 1, 0]), 3, dtype=np.float64)
