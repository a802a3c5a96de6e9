"""Part 4, cheat sheet: the whole algorithm in nine lines.

The setup makes one batch and the original guide's weights; the nine lines then
do one full training step on it, exactly what GuideNetwork's forward, backward
and update do.
Run it on its own:  python snippets/part4/cheat_sheet.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import GuideNetwork, load_mnist, one_hot, sigmoid

X_train, y_train, X_test, y_test = load_mnist()
X = X_train[:64].astype(np.float64)  # (n, 784), n = 64
Y = one_hot(y_train[:64], dtype=np.float64)  # (n, 10)
n, learning_rate = len(X), 0.5
rng = np.random.default_rng(0)
W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
# --8<-- [end:setup]

# --8<-- [start:nine-lines]
hidden = sigmoid(X @ W1 + b1)                                  # (n, 64)
output = sigmoid(hidden @ W2 + b2)                             # (n, 10)
error = output - Y                                             # (n, 10)
d_output = error * output * (1 - output)                       # (n, 10)
d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)           # (n, 64)
W2 -= learning_rate * hidden.T @ d_output / n                  # (64, 10)
b2 -= learning_rate * d_output.sum(axis=0, keepdims=True) / n  # (1, 10)
W1 -= learning_rate * X.T @ d_hidden / n                       # (784, 64)
b1 -= learning_rate * d_hidden.sum(axis=0, keepdims=True) / n  # (1, 64)
# --8<-- [end:nine-lines]

# --8<-- [start:check]
# The nine lines are one step of the original guide's network:
# GuideNetwork agrees.
net = GuideNetwork(rng=0)  # the same starting weights
net.forward(X)
loss_before = net.loss(Y)
net.backward(Y)
net.update(learning_rate)
for name, ours in {"W1": W1, "b1": b1, "W2": W2, "b2": b2}.items():
    assert np.allclose(net.params[name], ours, rtol=1e-12, atol=1e-15), name
net.forward(X)
print(f"loss {loss_before:.4f} -> {net.loss(Y):.4f} after one step; "
      "GuideNetwork agrees")
assert net.loss(Y) < loss_before
# --8<-- [end:check]
