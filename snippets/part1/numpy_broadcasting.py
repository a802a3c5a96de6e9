"""Part 1, Level 3: broadcasting.

Run it on its own:  python snippets/part1/numpy_broadcasting.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:bias]
Z = np.array([[0.0, 1.0, 2.0, 3.0],
              [4.0, 5.0, 6.0, 7.0],
              [8.0, 9.0, 10.0, 11.0]])      # (3, 4): 3 examples, 4 neurons
b = np.array([[0.5, -0.5, 1.0, 0.0]])        # (1, 4): one bias per neuron
out = Z + b                                  # (3, 4) + (1, 4) -> (3, 4)
print(out)
# the one row of b was used for every row of Z:
assert out.shape == (3, 4) and np.array_equal(out[2], Z[2] + b[0])
# --8<-- [end:bias]

# --8<-- [start:column-row]
column = np.array([[0], [10], [20]])   # (3, 1)
row = np.array([[1, 2, 3, 4]])         # (1, 4)
grid = column + row                    # (3, 1) + (1, 4) -> (3, 4)
print(grid)
assert grid.shape == (3, 4) and grid[2, 3] == 20 + 4
# --8<-- [end:column-row]

# --8<-- [start:rules]
# np.broadcast_shapes answers "what shape would the result have?"
print(np.broadcast_shapes((3, 4), (1, 4)))   # 1 stretches to 3
print(np.broadcast_shapes((3, 4), (4,)))     # (4,) is treated as (1, 4)
print(np.broadcast_shapes((3, 1), (1, 4)))   # both stretch
print(np.broadcast_shapes((3, 4), ()))       # a plain number fits anything
try:
    # (3,) lines up with the 4: no match
    np.ones((3, 4)) + np.ones(3)
except ValueError as err:
    print("ValueError:", err)
assert np.broadcast_shapes((64, 10), (1, 10)) == (64, 10)
# --8<-- [end:rules]

# --8<-- [start:silent-mistake]
predictions = np.array([0.9, 0.2, 0.7])      # (3,)
targets = np.array([[1.0], [0.0], [1.0]])    # (3, 1): a column
error = predictions - targets                # (3,) - (3, 1) -> (3, 3)!
print(error.shape)                           # no error message, wrong answer
error = predictions - targets.ravel()        # make both (3,) first
print(error.shape, error.round(2))
assert error.shape == (3,)
# --8<-- [end:silent-mistake]
