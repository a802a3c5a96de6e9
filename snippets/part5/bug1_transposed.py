"""Part 5, find the bug 1: a backward pass that does not run.

Run it on its own:  python snippets/part5/bug1_transposed.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import sigmoid

rng = np.random.default_rng(0)
X = rng.random((5, 784))  # 5 stand-in images
Y = np.eye(10)[[3, 1, 4, 1, 5]]  # their one-hot targets, (5, 10)
W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
# --8<-- [end:setup]

# --8<-- [start:buggy]
def deltas(X, Y):
    hidden = sigmoid(X @ W1 + b1)
    output = sigmoid(hidden @ W2 + b2)
    d_output = (output - Y) * output * (1 - output)
    d_hidden = (d_output @ W2) * hidden * (1 - hidden)
    return d_output, d_hidden


try:
    deltas(X, Y)
except ValueError as err:
    print(f"ValueError: {err}")
# --8<-- [end:buggy]

# --8<-- [start:fixed]
def deltas(X, Y):
    hidden = sigmoid(X @ W1 + b1)  # (5, 64)
    output = sigmoid(hidden @ W2 + b2)  # (5, 10)
    d_output = (output - Y) * output * (1 - output)  # (5, 10)
    # (5, 10) @ (10, 64) -> (5, 64): W2.T, not W2
    d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)
    return d_output, d_hidden


d_output, d_hidden = deltas(X, Y)
print(f"d_output {d_output.shape}, d_hidden {d_hidden.shape}")
assert d_hidden.shape == (5, 64)  # the shape of the hidden layer
# --8<-- [end:fixed]
