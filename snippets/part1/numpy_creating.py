"""Part 1, Level 3: creating NumPy arrays.

Run it on its own:  python snippets/part1/numpy_creating.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:array]
inputs = np.array([0.5, 0.3, 0.2])   # from a list: 1-D, 3 numbers
print(inputs, inputs.shape, inputs.dtype)

grid = np.array([[1, 2, 3],
                 [4, 5, 6]])         # from a list of rows: 2-D
print(grid.shape, grid.dtype)
assert inputs.shape == (3,) and grid.shape == (2, 3)
assert inputs.dtype == np.float64 and np.issubdtype(grid.dtype, np.integer)
# --8<-- [end:array]

# --8<-- [start:zeros-ones]
b1 = np.zeros((1, 64))     # the shape is ONE argument: a tuple
print(b1.shape, b1.sum())
ones = np.ones((2, 3))
print(ones)
print(np.eye(3))           # the identity: 1 on the diagonal, 0 elsewhere
assert b1.shape == (1, 64) and ones.sum() == 6.0 and np.eye(3).trace() == 3
# --8<-- [end:zeros-ones]

# --8<-- [start:arange-linspace]
print(np.arange(5))              # like range(), but an array
print(np.arange(0.0, 1.0, 0.25))  # the stop value is left out
z = np.linspace(-5, 5, 11)       # 11 evenly spaced points, BOTH ends included
print(z)
assert np.arange(5).shape == (5,) and z[0] == -5 and z[-1] == 5 and len(z) == 11
# --8<-- [end:arange-linspace]

# --8<-- [start:random]
rng = np.random.default_rng(0)              # a random generator with a seed
W1 = rng.standard_normal((784, 64)) * 0.1   # the original guide's start
print(W1.shape)
print(np.round(W1[:2, :4], 3))               # the top-left corner
print(rng.random(3).round(3))                # uniform in [0, 1)
print(rng.integers(0, 10, size=5))           # whole numbers 0..9
assert W1.shape == (784, 64)
assert abs(W1.mean()) < 0.01 and abs(W1.std() - 0.1) < 0.01
# --8<-- [end:random]

# --8<-- [start:dtype-mistake]
counts = np.array([1, 2, 3])  # whole numbers, so NumPy picks an integer dtype
counts[0] = 0.9               # the float is cut down to fit: 0.9 becomes 0
print(counts)
weights = np.array([1.0, 2.0, 3.0])  # write 1.0, not 1, for a float array
weights[0] = 0.9
print(weights)
assert counts[0] == 0 and weights[0] == 0.9
# --8<-- [end:dtype-mistake]

# --8<-- [start:shape-mistake]
try:
    np.zeros(784, 64)  # two arguments: the 64 is read as the dtype
except TypeError as err:
    print("TypeError:", err)
print(np.zeros((784, 64)).shape)  # one tuple: the shape you meant
# --8<-- [end:shape-mistake]
