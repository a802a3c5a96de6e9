"""Part 5, find the bug 3: gradients right for one batch size, wrong for
another.

Run it on its own:  python snippets/part5/bug3_fixed_64.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import load_mnist, mean_squared_error, one_hot, sigmoid

X_train, y_train, X_test, y_test = load_mnist(dtype=np.float64)
rng = np.random.default_rng(0)
W1, b1 = rng.standard_normal((784, 30)) * 0.1, np.zeros((1, 30))
W2, b2 = rng.standard_normal((30, 10)) * 0.1, np.zeros((1, 10))


def loss(X, Y):
    output = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)
    return mean_squared_error(output, Y)


def check(gradient, n, h=1e-6):
    """Backprop's dL/dW2[0, 0] over a finite difference's, on n digits."""
    X, Y = X_train[:n], one_hot(y_train[:n], dtype=np.float64)
    W2[0, 0] += h
    up = loss(X, Y)
    W2[0, 0] -= 2 * h
    down = loss(X, Y)
    W2[0, 0] += h  # back where it was
    ratio = gradient(X, Y)[0, 0] / ((up - down) / (2 * h))
    print(f"batch of {n}: backprop / finite difference = {ratio:.3f}")
    return ratio
# --8<-- [end:setup]


# --8<-- [start:buggy]
def gradient_W2(X, Y):
    hidden = sigmoid(X @ W1 + b1)  # (n, 30)
    output = sigmoid(hidden @ W2 + b2)  # (n, 10)
    d_output = (output - Y) * output * (1 - output)
    return hidden.T @ d_output / 64  # (30, 10)


for n in [64, 32]:
    check(gradient_W2, n)
# --8<-- [end:buggy]

# --8<-- [start:fixed]
def gradient_W2(X, Y):
    n = len(X)  # 64 for most batches, 32 for an epoch's last
    hidden = sigmoid(X @ W1 + b1)
    output = sigmoid(hidden @ W2 + b2)
    d_output = (output - Y) * output * (1 - output)
    return hidden.T @ d_output / n


for n in [64, 32, 1]:
    assert np.isclose(check(gradient_W2, n), 1.0, atol=1e-4)
# --8<-- [end:fixed]
