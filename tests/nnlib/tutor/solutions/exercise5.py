"""Exercise 5, a reference solution in the starter's shape."""

import numpy as np

from nnlib import load_mnist, one_hot, sigmoid

LEARNING_RATE = 0.5
BATCH_SIZE = 20
EPOCHS = 10


def init(rng):
    """Normal * 0.1 weights, W1 before W2; zero biases."""
    return {"W1": rng.standard_normal((784, 64)) * 0.1, "b1": np.zeros((1, 64)),
            "W2": rng.standard_normal((64, 10)) * 0.1, "b2": np.zeros((1, 10))}


def forward(X, params):
    """hidden (n, 64) and output (n, 10)."""
    hidden = sigmoid(X @ params["W1"] + params["b1"])
    return hidden, sigmoid(hidden @ params["W2"] + params["b2"])


def loss(output, Y):
    """Half the squared error, summed over outputs, averaged over examples."""
    return 0.5 * np.sum((output - Y) ** 2) / len(output)


def backward(params, X, Y, hidden, output):
    """The gradients, averaged over the batch."""
    n = len(X)
    d_output = (output - Y) * output * (1 - output)
    d_hidden = (d_output @ params["W2"].T) * hidden * (1 - hidden)
    return {"W1": X.T @ d_hidden / n, "b1": d_hidden.sum(axis=0, keepdims=True) / n,
            "W2": hidden.T @ d_output / n, "b2": d_output.sum(axis=0, keepdims=True) / n}


def update(params, grads, learning_rate):
    """One step against each gradient, in place."""
    for name in params:
        params[name] -= learning_rate * grads[name]


def train(X, Y, rng):
    """EPOCHS epochs of shuffled batches; the loss on X after each."""
    params = init(rng)
    losses = []
    for epoch in range(EPOCHS):
        order = rng.permutation(len(X))
        for first in range(0, len(X), BATCH_SIZE):
            batch = order[first:first + BATCH_SIZE]
            hidden, output = forward(X[batch], params)
            update(params, backward(params, X[batch], Y[batch], hidden, output),
                   LEARNING_RATE)
        losses.append(loss(forward(X, params)[1], Y))
    return params, losses


if __name__ == "__main__":
    X_train, y_train, X_test, y_test = load_mnist()
    params, losses = train(X_train[:1000], one_hot(y_train[:1000]), np.random.default_rng(0))
    print(losses)
