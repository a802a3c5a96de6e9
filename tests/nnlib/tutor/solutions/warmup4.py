"""Warm-up 4, a reference solution: the page's own functions (snippets/part5)."""

import numpy as np


def sigmoid(z):
    """1 / (1 + e^-z)."""
    return 1 / (1 + np.exp(-z))


def sigmoid_derivative(a):
    """The slope of the sigmoid, from its OUTPUT a = sigmoid(z)."""
    return a * (1 - a)


if __name__ == "__main__":
    print(sigmoid_derivative(0.5), sigmoid_derivative(0.99))
