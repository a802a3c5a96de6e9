"""Part 1, Level 3: sum, mean, max and argmax along an axis; keepdims.

Run it on its own:  python snippets/part1/numpy_axes.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:sum]
scores = np.array([[0.1, 0.7, 0.2],
                   [0.8, 0.1, 0.1],
                   [0.3, 0.3, 0.4],
                   [0.2, 0.5, 0.3]])  # (4, 3): 4 examples, 3 classes
print(scores.sum().round(6))          # everything: one number
print(scores.sum(axis=0))             # down the rows: one per column, (3,)
print(scores.sum(axis=1))             # across the columns: one per row, (4,)
assert scores.sum(axis=0).shape == (3,) and scores.sum(axis=1).shape == (4,)
assert np.allclose(scores.sum(axis=1), 1.0)
# --8<-- [end:sum]

# --8<-- [start:argmax]
scores = np.array([[0.1, 0.7, 0.2],
                   [0.8, 0.1, 0.1],
                   [0.3, 0.3, 0.4],
                   [0.2, 0.5, 0.3]])
print(scores.max(axis=1))             # the highest score of each example
print(scores.argmax(axis=1))          # WHERE it is: the predicted class
print(scores.mean(axis=0).round(3))   # the average score of each class
assert scores.argmax(axis=1).tolist() == [1, 0, 2, 1]
# --8<-- [end:argmax]

# --8<-- [start:keepdims]
scores = np.array([[1.0, 3.0],
                   [2.0, 2.0],
                   [0.0, 4.0]])                   # (3, 2)
row_sums = scores.sum(axis=1, keepdims=True)    # (3, 1): the axis stays, size 1
print(row_sums.shape)
probabilities = scores / row_sums               # (3, 2) / (3, 1) broadcasts
print(probabilities)
print(scores.sum(axis=1).shape)                 # without keepdims: (3,)
assert np.allclose(probabilities.sum(axis=1), 1.0)
# --8<-- [end:keepdims]

# --8<-- [start:centre-columns]
X = np.array([[0.0, 10.0],
              [2.0, 30.0],
              [4.0, 20.0]])              # (3, 2): 3 examples, 2 features
centred = X - X.mean(axis=0)            # (3, 2) - (2,): broadcasts over rows
print(centred)
assert np.allclose(centred.mean(axis=0), 0.0)
# --8<-- [end:centre-columns]

# --8<-- [start:bias-gradient]
rng = np.random.default_rng(0)
# one error signal per example and output
d_output = rng.standard_normal((64, 10))
# average over the batch
db = d_output.sum(axis=0, keepdims=True) / len(d_output)
print(db.shape)  # (1, 10): the same shape as b2
assert db.shape == (1, 10)
assert np.allclose(db, d_output.mean(axis=0, keepdims=True))
# --8<-- [end:bias-gradient]

# --8<-- [start:keepdims-mistake]
scores = np.array([[1.0, 3.0],
                   [2.0, 2.0],
                   [0.0, 4.0]])        # (3, 2)
try:
    # (3, 2) / (3,): the 3 lines up with the 2
    scores / scores.sum(axis=1)
except ValueError as err:
    print("ValueError:", err)
# --8<-- [end:keepdims-mistake]
