"""Find the bug 1: a backward pass that does not run.

deltas has one bug. Run this file, read the error, find the line, fix it.
Then check your fix:
    python -m nnlib check bug1.py
"""

import numpy as np

from nnlib import sigmoid


def deltas(X, Y, W1, b1, W2, b2):
    """Return (d_output, d_hidden), shapes (n, 10) and (n, 64)."""
    hidden = sigmoid(X @ W1 + b1)
    output = sigmoid(hidden @ W2 + b2)
    d_output = (output - Y) * output * (1 - output)
    d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)
    return d_output, d_hidden


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.random((5, 784))  # 5 stand-in images
    Y = np.eye(10)[[3, 1, 4, 1, 5]]  # their one-hot targets, (5, 10)
    W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
    W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
    d_output, d_hidden = deltas(X, Y, W1, b1, W2, b2)
    print(d_output.shape, d_hidden.shape)
