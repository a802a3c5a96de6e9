"""Part 1, Level 3: shape and reshape.

Run it on its own:  python snippets/part1/numpy_shapes.py
"""

# --8<-- [start:imports]
import numpy as np

# --8<-- [end:imports]

# --8<-- [start:shape]
image = np.arange(784).reshape(28, 28)  # a stand-in for one 28x28 digit
print(image.shape, image.ndim, image.size)
assert image.shape == (28, 28) and image.ndim == 2 and image.size == 784
# --8<-- [end:shape]

# --8<-- [start:flatten]
image = np.arange(784).reshape(28, 28)
flat = image.reshape(784)        # one long row of 784 pixels
print(flat.shape)
print(flat[28], image[1, 0])     # row after row: pixel 28 is row 1, column 0
back = flat.reshape(28, 28)      # and back again, nothing lost
assert flat.shape == (784,) and np.array_equal(back, image)
# --8<-- [end:flatten]

# --8<-- [start:minus-one]
images = np.zeros((100, 28, 28))        # a batch: 100 images
X = images.reshape(len(images), -1)      # -1 means "whatever size makes it fit"
print(X.shape)
one_row = images[0].reshape(1, -1)       # a single image as a batch of one
print(one_row.shape)
assert X.shape == (100, 784) and one_row.shape == (1, 784)
# --8<-- [end:minus-one]

# --8<-- [start:one-d-vs-two-d]
v = np.array([1.0, 2.0, 3.0])
print(v.shape)                  # (3,): 1-D, neither a row nor a column
print(v.reshape(1, 3).shape)    # a row: 1 row, 3 columns
print(v.reshape(3, 1).shape)    # a column: 3 rows, 1 column
print(v[None, :].shape, v[:, None].shape)  # the same, with None as a new axis
assert v.reshape(1, -1).shape == (1, 3) and v.reshape(-1, 1).shape == (3, 1)
# --8<-- [end:one-d-vs-two-d]

# --8<-- [start:transpose]
W2 = np.zeros((64, 10))
print(W2.T.shape)               # .T swaps rows and columns
assert W2.T.shape == (10, 64)
# --8<-- [end:transpose]

# --8<-- [start:reshape-vs-transpose]
a = np.array([[1, 2, 3],
              [4, 5, 6]])     # (2, 3)
print(a.reshape(3, 2))        # (3, 2): the same order, cut in pairs
print(a.T)                    # (3, 2): row 0 of a is now column 0
print(a.reshape(6))           # flat: the order reshape always keeps
assert a.reshape(3, 2).shape == a.T.shape == (3, 2)
assert not np.array_equal(a.reshape(3, 2), a.T)  # same shape, other numbers
# --8<-- [end:reshape-vs-transpose]

# --8<-- [start:reshape-mistake]
image = np.arange(784).reshape(28, 28)
try:
    image.reshape(28, 27)      # 756 places for 784 numbers
except ValueError as err:
    print("ValueError:", err)
# --8<-- [end:reshape-mistake]
