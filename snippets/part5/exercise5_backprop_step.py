"""Part 5, exercise 5 (solution): one backpropagation step on 100 digits; the
loss must fall.

Run it on its own:  python snippets/part5/exercise5_backprop_step.py
"""

# --8<-- [start:solution]
import numpy as np

from nnlib import GuideNetwork, load_mnist, mean_squared_error, one_hot, sigmoid

X_train, y_train, X_test, y_test = load_mnist()
# (100, 784), (100, 10)
X, Y = X_train[:100], one_hot(y_train[:100], dtype=np.float64)
n, learning_rate = len(X), 0.5

rng = np.random.default_rng(0)
W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))

# Forward and loss
hidden = sigmoid(X @ W1 + b1)  # (100, 64)
output = sigmoid(hidden @ W2 + b2)  # (100, 10)
loss_before = mean_squared_error(output, Y)

# Backward: every gradient has the shape of the weight it belongs to
d_output = (output - Y) * output * (1 - output)  # (100, 10)
# (100, 64), with W2 BEFORE its update
d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)
dW2, db2 = hidden.T @ d_output / n, d_output.sum(axis=0, keepdims=True) / n
dW1, db1 = X.T @ d_hidden / n, d_hidden.sum(axis=0, keepdims=True) / n
assert dW1.shape == W1.shape and db1.shape == b1.shape
assert dW2.shape == W2.shape and db2.shape == b2.shape

# Update, then measure again
W1 -= learning_rate * dW1
b1 -= learning_rate * db1
W2 -= learning_rate * dW2
b2 -= learning_rate * db2
output = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)
loss_after = mean_squared_error(output, Y)
print(f"loss {loss_before:.4f} -> {loss_after:.4f}")
assert loss_after < loss_before
# --8<-- [end:solution]

# --8<-- [start:check]
net = GuideNetwork(rng=0)  # the same step with nnlib gives the same weights
net.forward(X)
net.backward(Y)
net.update(learning_rate)
assert np.allclose(net.W1, W1) and np.allclose(net.b2, b2)
# --8<-- [end:check]
