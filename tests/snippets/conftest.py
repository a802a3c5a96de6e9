"""Fixtures for the snippets' tests: import a snippet as a module, MNIST or skip."""

from __future__ import annotations

import importlib
import os

import pytest


@pytest.fixture
def needs_mnist():
    """Skip when NNLIB_DATA_DIR is not set (the tests never download MNIST)."""
    if not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")


def load(name: str):
    """Import ``snippets/part3/step8_training_loop.py`` as ``snippets.part3.step8_training_loop``.

    Importing runs the file's top level (its prints and asserts), not its
    ``if __name__ == "__main__":`` part.
    """
    return importlib.import_module(name)
