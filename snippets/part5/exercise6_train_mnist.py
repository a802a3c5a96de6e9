"""Part 5, exercise 6 (solution): train on MNIST to more than 90% test accuracy.

The guide's network and settings, with the steps as small functions.
Run it on its own (a few seconds):
    python snippets/part5/exercise6_train_mnist.py
"""

# --8<-- [start:solution]
import numpy as np

from nnlib import load_mnist, one_hot, sigmoid


def init(rng):
    """Step 4: the guide's starting weights, randn * 0.1 and zero biases."""
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


def main(epochs=5, n_train=60000, batch_size=64, learning_rate=0.5, seed=0):
    """Step 8: train, and return the test accuracy after each epoch."""
    X_train, y_train, X_test, y_test = load_mnist()
    X_train = X_train[:n_train]
    Y_train = one_hot(y_train[:n_train], dtype=np.float64)
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
        accuracies.append(float(np.mean(test_output.argmax(axis=1) == y_test)))
        print(f"epoch {epoch + 1}: test accuracy {accuracies[-1]:.4f}")
    return accuracies


if __name__ == "__main__":
    accuracies = main()
    assert accuracies[-1] > 0.90, accuracies
# --8<-- [end:solution]
