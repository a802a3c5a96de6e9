"""Find the bug 3: right for one batch size, wrong for another.

gradient_W2 passes a finite-difference check on a batch of 64 and fails
on 32. Find the line, fix it. Then check your fix:
    python -m nnlib check bug3.py
"""

import numpy as np

from nnlib import sigmoid


def gradient_W2(X, Y, W1, b1, W2, b2):
    """The gradient of the batch's average loss with respect to W2."""
    hidden = sigmoid(X @ W1 + b1)  # (n, 64)
    output = sigmoid(hidden @ W2 + b2)  # (n, 10)
    d_output = (output - Y) * output * (1 - output)
    return hidden.T @ d_output / len(X)  # (64, 10)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
    W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
    X, Y = rng.random((32, 784)), np.eye(10)[rng.integers(0, 10, 32)]
    print(gradient_W2(X, Y, W1, b1, W2, b2)[0, :3])
