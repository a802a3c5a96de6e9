"""Exercise 4, a reference solution in the starter's shape."""

import numpy as np

from nnlib import load_mnist, sigmoid


def init(rng):
    """Normal * 0.1 weights, W1 before W2; zero biases."""
    return {"W1": rng.standard_normal((784, 64)) * 0.1, "b1": np.zeros((1, 64)),
            "W2": rng.standard_normal((64, 10)) * 0.1, "b2": np.zeros((1, 10))}


def forward(X, params):
    """hidden (n, 64) and output (n, 10)."""
    hidden = sigmoid(X @ params["W1"] + params["b1"])
    return hidden, sigmoid(hidden @ params["W2"] + params["b2"])


def predict(X, params):
    """The largest output of each row."""
    return forward(X, params)[1].argmax(axis=1)


if __name__ == "__main__":
    X_train, y_train, X_test, y_test = load_mnist()
    print(predict(X_test[:5], init(np.random.default_rng(0))), y_test[:5])
