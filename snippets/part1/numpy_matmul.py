"""Part 1, Level 3: matrix multiplication, @ versus *.

Run it on its own:  python snippets/part1/numpy_matmul.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:dot]
inputs = np.array([0.5, 0.3, 0.2])
weights = np.array([0.2, 0.5, 0.25])
print(np.sum(inputs * weights))   # multiply pair by pair, then add up ...
print(np.dot(inputs, weights))    # ... is exactly what a dot product is
print(inputs @ weights)           # and @ does the same for 1-D arrays
assert np.isclose(inputs @ weights, 0.3)
# --8<-- [end:dot]

# --8<-- [start:matmul]
A = np.array([[1, 2, 3],
              [4, 5, 6]])        # (2, 3)
B = np.array([[1, 0],
              [0, 1],
              [1, 1]])           # (3, 2)
C = A @ B                        # (2, 3) @ (3, 2) -> (2, 2)
print(C)
print(C[1, 0], A[1] @ B[:, 0])   # entry [i, j] = row i of A . column j of B
# Three spellings of the same product:
print(np.array_equal(C, A.dot(B)), np.array_equal(C, np.dot(A, B)))
assert C.shape == (2, 2) and C[1, 0] == A[1] @ B[:, 0] == 10
# --8<-- [end:matmul]

# --8<-- [start:star-vs-at]
A = np.array([[1, 2, 3],
              [4, 5, 6]])        # (2, 3)
print(A * A)                     # element-wise: shapes must match, (2, 3)
print(A @ A.T)                   # matrix product: (2, 3) @ (3, 2) -> (2, 2)
try:
    A @ A                        # (2, 3) @ (2, 3): inner sizes 3 and 2 differ
except ValueError as err:
    print("ValueError:", err)
assert (A * A).shape == (2, 3) and (A @ A.T).shape == (2, 2)
# --8<-- [end:star-vs-at]

# --8<-- [start:layer]
rng = np.random.default_rng(0)
X = rng.random((5, 3))           # (5, 3): 5 examples, 3 inputs each
W = rng.standard_normal((3, 2))  # (3, 2): 3 inputs -> 2 neurons
b = np.zeros((1, 2))             # (1, 2): one bias per neuron
Z = X @ W + b                    # (5, 3) @ (3, 2) -> (5, 2), plus (1, 2)
print(Z.shape)
# one example, one neuron, done by hand: the same number
print(np.isclose(Z[4, 1], X[4] @ W[:, 1] + b[0, 1]))
assert Z.shape == (5, 2) and np.isclose(Z[4, 1], np.dot(X[4], W[:, 1]))
# --8<-- [end:layer]

# --8<-- [start:guide-shapes]
X = np.zeros((5, 784))           # a mini-batch of 5 flattened images
W1 = np.zeros((784, 64))         # input -> 64 hidden neurons
W2 = np.zeros((64, 10))          # hidden -> 10 outputs, one per digit
hidden = X @ W1                  # (5, 784) @ (784, 64) -> (5, 64)
output = hidden @ W2             # (5, 64) @ (64, 10)   -> (5, 10)
print(hidden.shape, output.shape)
try:
    W1 @ X                       # (784, 64) @ (5, 784): 64 meets 5
except ValueError as err:
    print("ValueError:", err)
assert hidden.shape == (5, 64) and output.shape == (5, 10)
# --8<-- [end:guide-shapes]
