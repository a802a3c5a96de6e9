"""Warm-up 3, a reference solution in the starter's shape."""

import numpy as np


def guesses(output):
    """One guess per row."""
    return output.argmax(axis=1)


def accuracy(output, labels):
    """The fraction of right guesses."""
    return np.mean(guesses(output) == labels)


def batch_sum(output):
    """Down the columns, kept a row."""
    return output.sum(axis=0, keepdims=True)
