"""Part 5, exercise 6 (solution): from a blank file, train on MNIST to more
than 90% test accuracy.

NumPy and the standard library only: the four MNIST files are read with gzip
and np.frombuffer, as "Reading MNIST's files" (Part 1) shows.
Run it on its own (the folder with the four .gz files in NNLIB_DATA_DIR,
else ./mnist):  python snippets/part5/exercise6_train_mnist.py
"""

# --8<-- [start:data]
import gzip
import os
from pathlib import Path

import numpy as np

# The folder that holds the four .gz files
DATA = Path(os.environ.get("NNLIB_DATA_DIR", "mnist"))


def read_idx(name, header_size):
    """The bytes after the header: 16 bytes for images, 8 for labels."""
    with gzip.open(DATA / name, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=header_size)


def load():
    """Images (n, 784) scaled to 0..1 (0 is no ink); labels (n,) 0-9."""
    X_train = read_idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784)
    X_test = read_idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784)
    y_train = read_idx("train-labels-idx1-ubyte.gz", 8)
    y_test = read_idx("t10k-labels-idx1-ubyte.gz", 8)
    scale = np.float32(255)
    return X_train / scale, y_train, X_test / scale, y_test


def one_hot(labels):
    """Label 3 becomes the row [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]."""
    return np.eye(10)[labels]
# --8<-- [end:data]


# --8<-- [start:network]
def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def init(rng):
    """Step 4: the starting weights, normal * 0.1, and zero biases."""
    return {
        "W1": rng.standard_normal((784, 64)) * 0.1, "b1": np.zeros((1, 64)),
        "W2": rng.standard_normal((64, 10)) * 0.1, "b2": np.zeros((1, 10)),
    }


def forward(p, X):
    """Step 4: returns the hidden layer (n, 64) and the output (n, 10)."""
    hidden = sigmoid(X @ p["W1"] + p["b1"])
    return hidden, sigmoid(hidden @ p["W2"] + p["b2"])


def backward(p, X, Y, hidden, output):
    """Steps 5 and 6: the gradients, averaged over the batch's n examples."""
    n = len(X)
    d_output = (output - Y) * output * (1 - output)  # (n, 10)
    d_hidden = (d_output @ p["W2"].T) * hidden * (1 - hidden)  # (n, 64)
    return {
        "W1": X.T @ d_hidden / n,
        "b1": d_hidden.sum(axis=0, keepdims=True) / n,
        "W2": hidden.T @ d_output / n,
        "b2": d_output.sum(axis=0, keepdims=True) / n,
    }


def update(p, grads, learning_rate):
    """Step 7: every weight one step against its gradient."""
    for name in p:
        p[name] -= learning_rate * grads[name]
# --8<-- [end:network]


# --8<-- [start:train]
def main(epochs=3, batch_size=64, learning_rate=0.5, seed=0, weights_file=None):
    """Step 8: train, and return the test accuracy after each epoch.

    With a weights_file ("exercise6_weights.npz" for the check), save the
    weights there too.
    """
    X_train, y_train, X_test, y_test = load()
    Y_train = one_hot(y_train)
    rng = np.random.default_rng(seed)
    p = init(rng)
    accuracies = []
    for epoch in range(epochs):
        order = rng.permutation(len(X_train))  # shuffle every epoch
        for first in range(0, len(X_train), batch_size):
            batch = order[first : first + batch_size]
            X, Y = X_train[batch], Y_train[batch]
            hidden, output = forward(p, X)
            update(p, backward(p, X, Y, hidden, output), learning_rate)
        _, test_output = forward(p, X_test)
        guesses = test_output.argmax(axis=1)
        accuracies.append(float(np.mean(guesses == y_test)))
        print(f"epoch {epoch + 1}: test accuracy {accuracies[-1]:.4f}")
    if weights_file is not None:
        np.savez(weights_file, **p)  # W1, b1, W2, b2
    return accuracies


if __name__ == "__main__":
    accuracies = main()
    assert accuracies[-1] > 0.90, accuracies
# --8<-- [end:train]
