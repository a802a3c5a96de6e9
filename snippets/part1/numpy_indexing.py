"""Part 1, Level 3: indexing and slicing, boolean masks, fancy indexing.

Run it on its own:  python snippets/part1/numpy_indexing.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:rows-columns]
M = np.arange(12).reshape(3, 4)
print(M)
print(M[1, 2])          # row 1, column 2
print(M[1])             # all of row 1
print(M[:, 2])          # all of column 2 (":" means "every row")
print(M[0:2, 1:3])      # rows 0-1, columns 1-2
assert M[1, 2] == 6 and M[:, 2].shape == (3,) and M[0:2, 1:3].shape == (2, 2)
# --8<-- [end:rows-columns]

# --8<-- [start:keep-2d]
M = np.arange(12).reshape(3, 4)
print(M[:, 2].shape)    # an integer index drops that axis
print(M[:, 2:3].shape)  # a slice keeps it: still a column
assert M[:, 2:3].shape == (3, 1)
# --8<-- [end:keep-2d]

# --8<-- [start:batches]
X = np.arange(20).reshape(10, 2)   # 10 examples, 2 features each
batch_size = 4
for start in range(0, len(X), batch_size):
    batch = X[start:start + batch_size]   # slicing past the end is fine
    print(start, batch.shape)
assert X[8:12].shape == (2, 2)
# --8<-- [end:batches]

# --8<-- [start:masks]
scores = np.array([0.1, 0.8, 0.35, 0.9])
mask = scores > 0.5             # an array of True/False, same shape
print(mask)
print(scores[mask])             # keep only where the mask is True
print(mask.sum(), mask.mean())  # True counts as 1: how many, what fraction
assert mask.sum() == 2 and np.isclose(mask.mean(), 0.5)
# --8<-- [end:masks]

# --8<-- [start:accuracy]
predictions = np.array([7, 2, 1, 0, 4])
labels = np.array([7, 2, 1, 6, 4])
correct = predictions == labels
print(correct)
print(f"accuracy: {correct.mean():.0%}")
print("wrong at index:", np.flatnonzero(~correct))  # ~ flips True and False
assert correct.mean() == 0.8
# --8<-- [end:accuracy]

# --8<-- [start:fancy]
letters = np.array(["a", "b", "c", "d", "e"])
order = np.array([3, 0, 4, 1, 2])   # a permutation: every index exactly once
print(letters[order])               # an index array picks items in that order
print(letters[[0, 0, 4]])           # repeats are allowed too
assert list(letters[order]) == ["d", "a", "e", "b", "c"]
# --8<-- [end:fancy]

# --8<-- [start:one-hot]
labels = np.array([3, 0, 2])
Y = np.eye(4)[labels]   # row i of the identity matrix has a 1 in column i
print(Y)
assert Y.shape == (3, 4) and np.array_equal(Y.argmax(axis=1), labels)
# --8<-- [end:one-hot]

# --8<-- [start:view-mistake]
X = np.zeros((3, 2))
first = X[0]        # a slice is a VIEW: it shares memory with X
first[:] = 7.0
print(X[0])         # X changed too
safe = X[1].copy()  # .copy() when you need an independent array
safe[:] = 9.0
print(X[1])
assert X[0, 0] == 7.0 and X[1, 0] == 0.0
# --8<-- [end:view-mistake]
