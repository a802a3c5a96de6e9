"""Part 5, exercise 5 (solution): exercise 4's network, with backpropagation
and training, on the first 1,000 training digits.

Run it on its own:  python snippets/part5/exercise5_training.py
"""

# --8<-- [start:solution]
import numpy as np

from nnlib import load_mnist, mean_squared_error, one_hot, sigmoid

X_train, y_train, X_test, y_test = load_mnist()
X_small = X_train[:1000]  # (1000, 784)
Y_small = one_hot(y_train[:1000], dtype=np.float64)  # (1000, 10)

# Exercise 4's weights
rng = np.random.default_rng(0)
W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
learning_rate, batch_size = 0.5, 20


def forward(X):
    hidden = sigmoid(X @ W1 + b1)  # (n, 64)
    return hidden, sigmoid(hidden @ W2 + b2)  # (n, 10)


def report(epoch):
    _, output = forward(X_small)
    loss = mean_squared_error(output, Y_small)
    accuracy = np.mean(output.argmax(axis=1) == y_train[:1000])
    print(f"epoch {epoch:2}: loss {loss:.4f}, accuracy {accuracy:.3f}")
    return loss, accuracy


first_loss, _ = report(0)
for epoch in range(1, 11):
    order = rng.permutation(len(X_small))  # a new shuffle every epoch
    for first in range(0, len(X_small), batch_size):
        batch = order[first : first + batch_size]
        X, Y = X_small[batch], Y_small[batch]  # (20, 784), (20, 10)
        n = len(X)
        hidden, output = forward(X)
        # Backward: both deltas first, with W2 before its update
        d_output = (output - Y) * output * (1 - output)  # (n, 10)
        d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)  # (n, 64)
        # Update: each gradient is averaged over the batch (the / n)
        W2 -= learning_rate * hidden.T @ d_output / n
        b2 -= learning_rate * d_output.sum(axis=0, keepdims=True) / n
        W1 -= learning_rate * X.T @ d_hidden / n
        b1 -= learning_rate * d_hidden.sum(axis=0, keepdims=True) / n
    if epoch % 5 == 0:
        loss, accuracy = report(epoch)
# --8<-- [end:solution]

# --8<-- [start:check]
assert loss < first_loss / 2 and accuracy > 0.8
_, test_output = forward(X_test)  # digits it never trained on
test_accuracy = np.mean(test_output.argmax(axis=1) == y_test)
print(f"test accuracy: {test_accuracy:.3f}")
assert test_accuracy > 0.7
# --8<-- [end:check]
