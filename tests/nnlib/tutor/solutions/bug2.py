"""Find the bug 2: an accuracy that is always about 10%.

Tested on a "perfect" output (a 1 exactly at each label), accuracy should
give 1.0. Run this file, find the line, fix it. Then check your fix:
    python -m nnlib check bug2.py
"""

import numpy as np


def accuracy(output, labels):
    """The fraction of examples whose largest output is their label."""
    guesses = np.argmax(output, axis=1)
    return np.mean(guesses == labels)


if __name__ == "__main__":
    labels = np.random.default_rng(0).integers(0, 10, 1000)
    perfect = np.eye(10)[labels]  # a 1 exactly at each label
    print(f"accuracy of a perfect output: {accuracy(perfect, labels):.4f}")
