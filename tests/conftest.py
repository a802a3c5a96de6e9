"""Shared fixtures: the real MNIST, loaded once per test session."""

import os

import pytest

import nnlib


@pytest.fixture(scope="session")
def mnist():
    """(X_train, y_train, X_test, y_test) from $NNLIB_DATA_DIR; tests needing it skip without it."""
    if not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")
    return nnlib.load_mnist(download=False)
