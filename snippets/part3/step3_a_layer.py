"""Part 3, step 3: a layer. Four neurons look at the same three inputs at once.

Each COLUMN of W holds one neuron's weights, so W has shape
(inputs, neurons) = (3, 4), and the biases are one row, b of shape (1, 4).
Run it on its own:  python snippets/part3/step3_a_layer.py
"""

# --8<-- [start:weights]
import numpy as np

x = np.array([0.5, 0.3, 0.2])  # shape (3,): the inputs from step 2
W = np.array(
    [  # one column per neuron: neuron 0, 1, 2, 3
        [0.2, -0.3, 0.1, 0.0],  # weights on input 1
        [0.5, 0.8, -0.5, 0.3],  # weights on input 2
        [0.25, 0.1, 0.2, -0.6],  # weights on input 3
    ]
)  # shape (3, 4): column j is neuron j; column 0 is step 2's neuron
b = np.array([[0.1, 0.0, 0.2, 0.1]])  # shape (1, 4): one bias per neuron
# --8<-- [end:weights]

# --8<-- [start:loop]
z = np.zeros(4)
for j in range(4):  # one neuron at a time: step 2's weighted sum, four times
    z[j] = x @ W[:, j] + b[0, j]
print(f"loop:       z = {z.round(4)}, shape {z.shape}")
assert np.isclose(z[0], 0.4)  # neuron 0 is the neuron from step 2
# --8<-- [end:loop]

# --8<-- [start:vectorised]
z_layer = x @ W + b  # (3,) @ (3, 4) -> (4,), then + (1, 4) -> (1, 4)
print(f"vectorised: z = {z_layer.round(4)}, shape {z_layer.shape}")
# The original guide says this output has shape (4,). It does not:
# adding b, shape (1, 4), broadcasts the (4,) result up to (1, 4).
# Same numbers, one more dimension.
assert z_layer.shape == (1, 4)
assert np.allclose(z_layer[0], z)
# --8<-- [end:vectorised]

# --8<-- [start:why-1-4]
print((x @ W).shape, b.shape, (x @ W + b).shape)
assert (x @ W).shape == (4,)
assert (x @ W + b).shape == (1, 4)
# --8<-- [end:why-1-4]

# --8<-- [start:batch]
X = np.array(
    [
        [0.5, 0.3, 0.2],  # example 0: x from above
        [1.0, 0.0, 0.0],  # example 1
        [0.0, 0.0, 1.0],  # example 2
        [0.9, 0.1, 0.4],  # example 3
        [0.0, 0.0, 0.0],  # example 4: only the biases get through
    ]
)  # shape (5, 3): five examples as rows
# (5, 3) @ (3, 4) -> (5, 4), + (1, 4) -> (5, 4): b is added to every row
Z = X @ W + b
assert Z.shape == (5, 4)
assert np.allclose(Z[0], x @ W + b)  # row 0 is the single example again
assert np.allclose(Z[4], b[0])  # zero inputs: the output is just the biases
# --8<-- [end:batch]
# --8<-- [start:batch-show]
print(f"X {X.shape} @ W {W.shape} + b {b.shape} -> Z {Z.shape}")
# --8<-- [end:batch-show]

# --8<-- [start:activation]
from nnlib import sigmoid

A = sigmoid(Z)  # element-wise: every neuron of every example
print(f"A = sigmoid(Z), shape {A.shape}, first row {A[0].round(4)}")
assert A.shape == (5, 4) and np.all((A > 0) & (A < 1))
# step 2's neuron, step 2's answer
assert np.isclose(A[0, 0], 0.5987, atol=1e-4)
# --8<-- [end:activation]
