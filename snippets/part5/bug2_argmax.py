"""Part 5, find the bug 2: an accuracy that is wrong for a perfect network.

Run it on its own:  python snippets/part5/bug2_argmax.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import load_mnist

X_train, y_train, X_test, y_test = load_mnist()
perfect = np.eye(10)[y_test]  # (10000, 10): a 1 exactly at each label
# --8<-- [end:setup]


# --8<-- [start:buggy]
def accuracy(output, labels):
    """The fraction of examples whose largest output is their label."""
    guesses = np.argmax(output)
    return np.mean(guesses == labels)


print(f"accuracy of a perfect output: {accuracy(perfect, y_test):.4f}")
# --8<-- [end:buggy]

# --8<-- [start:fixed]
def accuracy(output, labels):
    """The fraction of examples whose largest output is their label."""
    guesses = np.argmax(output, axis=1)  # one guess per row: (10000,)
    return np.mean(guesses == labels)


print(f"accuracy of a perfect output: {accuracy(perfect, y_test):.4f}")
assert accuracy(perfect, y_test) == 1.0
assert accuracy(np.eye(10)[(y_test + 1) % 10], y_test) == 0.0  # all wrong
# --8<-- [end:fixed]
