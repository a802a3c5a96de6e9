"""Part 5, exercise 3 (solution): a layer of 5 neurons on 4 inputs, for a batch
of 3 examples.

Run it on its own:  python snippets/part5/exercise3_layer_forward.py
"""

# --8<-- [start:solution]
import numpy as np

from nnlib import sigmoid

rng = np.random.default_rng(0)
X = rng.random((3, 4))  # (3, 4): 3 examples, 4 inputs each
W = rng.standard_normal((4, 5)) * 0.1  # (4, 5): (inputs, neurons)
b = np.zeros((1, 5))  # (1, 5): one bias per neuron

A = sigmoid(X @ W + b)  # (3, 4) @ (4, 5) -> (3, 5), + (1, 5) -> (3, 5)
print(f"X {X.shape} @ W {W.shape} + b {b.shape} -> A {A.shape}")
assert A.shape == (3, 5)

# The same numbers, one example and one neuron at a time:
A_loop = np.zeros((3, 5))
for i in range(3):  # each example (row of X)
    for j in range(5):  # each neuron (column of W)
        A_loop[i, j] = sigmoid(X[i] @ W[:, j] + b[0, j])
assert np.allclose(A, A_loop)

# One example on its own: keep it a row, shape (1, 4), and the answer is a row
# too.
one = sigmoid(X[:1] @ W + b)  # (1, 4) @ (4, 5) + (1, 5) -> (1, 5)
print(f"one example {X[:1].shape} -> {one.shape}")
assert one.shape == (1, 5) and np.allclose(one, A[:1])
# --8<-- [end:solution]
