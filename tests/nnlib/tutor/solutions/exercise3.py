"""Exercise 3, a reference solution in the starter's shape."""

import math


def weighted_sum(inputs, weights, bias):
    """Each input times its weight, added up, plus the bias."""
    z = 0.0
    for x, w in zip(inputs, weights):
        z += x * w
    return z + bias


def neuron(inputs, weights, bias):
    """The sigmoid of the weighted sum."""
    return 1 / (1 + math.exp(-weighted_sum(inputs, weights, bias)))


if __name__ == "__main__":
    print(neuron([0.5, -1.0, 2.0, 1.5], [0.8, 0.2, -0.5, 0.4], 0.3))
