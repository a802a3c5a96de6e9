"""Part 1, Level 3: random numbers you can repeat, permutations, shuffling X
and y together.

Run it on its own:  python snippets/part1/numpy_random.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:seed]
rng = np.random.default_rng(42)
first = rng.standard_normal(3)
print(first.round(4))
print(rng.standard_normal(3).round(4))    # the next numbers differ ...
rng_again = np.random.default_rng(42)     # ... but the same seed starts over
print(rng_again.standard_normal(3).round(4))
assert np.array_equal(first, np.random.default_rng(42).standard_normal(3))
# --8<-- [end:seed]

# --8<-- [start:normal]
rng = np.random.default_rng(0)
# mean 0, spread (standard deviation) 0.1
W = rng.standard_normal((784, 64)) * 0.1
print(f"mean {W.mean():.4f}, std {W.std():.4f}")
print(f"{np.mean(np.abs(W) < 0.2):.1%} of the weights lie within 0.2 of zero")
assert abs(W.mean()) < 0.005 and abs(W.std() - 0.1) < 0.005
# --8<-- [end:normal]

# --8<-- [start:permutation]
rng = np.random.default_rng(0)
order = rng.permutation(5)     # 0..4 in a random order, each exactly once
print(order)
assert sorted(order.tolist()) == [0, 1, 2, 3, 4]
# --8<-- [end:permutation]

# --8<-- [start:shuffle-together]
rng = np.random.default_rng(0)
# (5, 2): example i is all i
X = np.array([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]])
# (5,): its label is i
y = np.array([0, 1, 2, 3, 4])
order = rng.permutation(len(X))   # ONE order ...
X_shuffled = X[order]             # ... used for the inputs ...
y_shuffled = y[order]             # ... and for the labels
print(X_shuffled[:, 0])
print(y_shuffled)
assert np.array_equal(X_shuffled[:, 0], y_shuffled)   # every pair still matches
# --8<-- [end:shuffle-together]

# --8<-- [start:epochs]
rng = np.random.default_rng(0)    # created ONCE, before the loop
for epoch in range(3):
    order = rng.permutation(5)    # a new order every epoch
    print(epoch, order)
# --8<-- [end:epochs]

# --8<-- [start:shuffle-mistake]
rng = np.random.default_rng(0)
X = np.array([[0, 0], [1, 1], [2, 2], [3, 3], [4, 4]])
y = np.array([0, 1, 2, 3, 4])
rng.shuffle(X)                    # shuffled in place, one random order ...
rng.shuffle(y)                    # ... and the labels with ANOTHER order
print(X[:, 0])
print(y)
print("pairs still matching:", np.sum(X[:, 0] == y), "of", len(y))
assert not np.array_equal(X[:, 0], y)
# --8<-- [end:shuffle-mistake]

# --8<-- [start:legacy]
np.random.seed(42)                # the older style: ONE global generator
W = np.random.randn(3, 4)         # like rng.standard_normal((3, 4))
print(W.shape)
print(np.random.permutation(10))  # like rng.permutation(10)
np.random.seed(42)                # the same seed starts it over
assert np.array_equal(np.random.randn(3, 4), W)
# --8<-- [end:legacy]
