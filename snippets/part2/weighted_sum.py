"""Part 2: the weighted sum, z = inputs . weights + bias.

Run it on its own:  python snippets/part2/weighted_sum.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:loop]
inputs = [0.5, 0.3, 0.2]
weights = [0.2, 0.5, 0.25]
bias = 0.1

z = bias
for x, w in zip(inputs, weights, strict=True):
    z += x * w          # 0.5*0.2 + 0.3*0.5 + 0.2*0.25 = 0.1 + 0.15 + 0.05
print(f"z = {z:.4f}")
assert np.isclose(z, 0.4)
# --8<-- [end:loop]

# --8<-- [start:vectorised]
inputs = np.array([0.5, 0.3, 0.2])    # (3,)
weights = np.array([0.2, 0.5, 0.25])  # (3,)
bias = 0.1

z = np.dot(inputs, weights) + bias    # (3,) . (3,) -> a single number
print(f"z = {z:.4f}")
assert np.isclose(z, 0.4)
# --8<-- [end:vectorised]

# --8<-- [start:function]
def weighted_sum(inputs: np.ndarray, weights: np.ndarray, bias: float) -> float:
    """One neuron's weighted sum.

    Each input times its weight, added up, plus the bias.
    """
    return float(np.dot(inputs, weights) + bias)


z = weighted_sum(np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.5, 0.25]), 0.1)
print(f"{z:.4f}")
assert np.isclose(z, 0.4)
assert np.isclose(weighted_sum(np.zeros(3), np.ones(3), 0.1), 0.1)
# --8<-- [end:function]

# --8<-- [start:what-weights-do]
weights = np.array([0.2, 0.5, 0.25])
bias = 0.1
for inputs in ([0.5, 0.3, 0.2], [0.5, 0.9, 0.2], [0.0, 0.0, 0.0]):
    z = np.dot(inputs, weights) + bias
    print(f"inputs {inputs} -> z = {z:.2f}")
# --8<-- [end:what-weights-do]

# --8<-- [start:batch]
X = np.array([[0.5, 0.3, 0.2],
              [0.5, 0.9, 0.2],
              [0.0, 0.0, 0.0],
              [1.0, 1.0, 1.0]])        # (4, 3): 4 examples, one per row
weights = np.array([0.2, 0.5, 0.25])   # (3,)
bias = 0.1
# (4, 3) @ (3,) -> (4,): one z per example
z = X @ weights + bias
print(z.round(4))
assert z.shape == (4,) and np.isclose(z[0], 0.4)
# --8<-- [end:batch]

# --8<-- [start:layer]
X = np.array([[0.5, 0.3, 0.2],
              [1.0, 1.0, 1.0]])        # (2, 3): 2 examples, 3 inputs each
W = np.array([[0.2, 1.0, 0.0, 0.5],
              [0.5, 0.0, 1.0, 0.5],
              [0.25, -1.0, 0.0, 0.5]])  # (3, 4): column j is neuron j's weights
b = np.array([[0.1, 0.0, 0.0, -1.0]])  # (1, 4): one bias per neuron
Z = X @ W + b                          # (2, 3) @ (3, 4) + (1, 4) -> (2, 4)
print(Z.round(4))
assert Z.shape == (2, 4) and np.isclose(Z[0, 0], 0.4)  # our neuron: column 0
# --8<-- [end:layer]
