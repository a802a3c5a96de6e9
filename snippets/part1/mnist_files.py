"""Part 1: reading MNIST's four IDX files with gzip and NumPy, then load_mnist.

Run it on its own, with NNLIB_DATA_DIR set to the folder of the four .gz files:
    NNLIB_DATA_DIR=~/mnist python snippets/part1/mnist_files.py
A window opens with one digit; close it to go on.
"""

# --8<-- [start:imports]
import gzip
import os
from pathlib import Path

import numpy as np

# --8<-- [end:imports]

# --8<-- [start:folder]
folder = Path(os.environ["NNLIB_DATA_DIR"])  # where the four .gz files are
# --8<-- [end:folder]

# --8<-- [start:header]
data = gzip.decompress((folder / "train-images-idx3-ubyte.gz").read_bytes())
print(len(data))                   # 16 bytes of header + 60000 * 784 pixels
print(data[:16].hex(" ", 4))       # the header, 4 bytes at a time, in hex
print(np.frombuffer(data[:16], dtype=">i4"))  # 4 big-endian 32-bit integers
print(int.from_bytes(data[4:8], "big"))       # or one of them by itself
start = 16 + 14 * 28 + 10             # row 14, column 10 of the first image
print(list(data[start : start + 6]))   # one byte per pixel: 0 to 255
assert len(data) == 16 + 60000 * 784

labels = gzip.decompress((folder / "train-labels-idx1-ubyte.gz").read_bytes())
print(np.frombuffer(labels[:8], dtype=">i4"))   # magic number, count
print(len(labels), list(labels[8:13]))          # 8 + 60000 bytes; the first 5
assert len(labels) == 8 + 60000
# --8<-- [end:header]

# --8<-- [start:read]
def read_images(path):
    data = gzip.decompress(Path(path).read_bytes())
    n = int.from_bytes(data[4:8], "big")          # how many images
    pixels = np.frombuffer(data, dtype=np.uint8, offset=16)  # skip the header
    return pixels.reshape(n, 784).astype(np.float32) / 255   # to [0, 1]


def read_labels(path):
    data = gzip.decompress(Path(path).read_bytes())
    return np.frombuffer(data, dtype=np.uint8, offset=8).astype(np.int64)


X_train = read_images(folder / "train-images-idx3-ubyte.gz")
y_train = read_labels(folder / "train-labels-idx1-ubyte.gz")
X_test = read_images(folder / "t10k-images-idx3-ubyte.gz")
y_test = read_labels(folder / "t10k-labels-idx1-ubyte.gz")
Y_train = np.eye(10, dtype=np.float32)[y_train]  # one-hot, (60000, 10)
# --8<-- [end:read]

# --8<-- [start:read-show]
print(X_train.shape, X_train.dtype, X_train.min(), X_train.max())
print(X_test.shape, y_train[:5], Y_train.shape)
print(Y_train[0])                                  # the 5 of the first image
# --8<-- [end:read-show]
assert X_train.shape == (60000, 784) and y_test.shape == (10000,)
assert np.array_equal(Y_train.argmax(axis=1), y_train)

# --8<-- [start:show]
import matplotlib.pyplot as plt

image = X_train[0].reshape(28, 28)       # a row of 784 back into a 28x28 grid
fig, ax = plt.subplots(figsize=(3, 3))
ax.imshow(image, cmap="gray_r")          # 0 (no ink) white, 1 (full ink) black
ax.set_title(f"label {y_train[0]}")
ax.axis("off")
plt.show()
plt.close(fig)
print(f"label {y_train[0]}: {np.mean(image == 0):.0%} of its pixels are 0")
# --8<-- [end:show]

# --8<-- [start:same-as-nnlib]
import hashlib

from nnlib import load_mnist
from nnlib.data import SHA256

X_tr, y_tr, X_te, y_te = load_mnist()   # reads $NNLIB_DATA_DIR too
print(np.array_equal(X_train, X_tr), np.array_equal(y_train, y_tr),
      np.array_equal(X_test, X_te), np.array_equal(y_test, y_te))
print(X_tr.dtype, y_tr.dtype)
# The check load_mnist makes: the SHA-256 of the decompressed bytes
data = gzip.decompress((folder / "train-images-idx3-ubyte.gz").read_bytes())
print(hashlib.sha256(data).hexdigest() == SHA256["train-images-idx3-ubyte"])
# --8<-- [end:same-as-nnlib]
assert np.array_equal(X_train, X_tr) and np.array_equal(X_test, X_te)
assert np.array_equal(y_train, y_tr) and np.array_equal(y_test, y_te)
assert X_tr.dtype == X_train.dtype and y_tr.dtype == y_train.dtype

# --8<-- [start:errors]
from nnlib import MNISTError, load_mnist

try:
    load_mnist("no-such-folder", download=False)
except MNISTError as err:
    print("MNISTError:", str(err).split(". ")[0])
# --8<-- [end:errors]
