"""Part 3, step 6: backpropagation.

Which way should each of the 50,890 numbers move?

Run it on its own:  python snippets/part3/step6_backpropagation.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import load_mnist, one_hot, sigmoid

X_train, y_train, X_test, y_test = load_mnist()
# The five digits of steps 4 and 5, in float64 so that the check at the end
# is exact.
X = X_train[:5].astype(np.float64)  # (5, 784)
Y = one_hot(y_train[:5], dtype=np.float64)  # (5, 10)

rng = np.random.default_rng(0)  # step 4's weights
W1 = rng.standard_normal((784, 64)) * 0.1  # (784, 64)
b1 = np.zeros((1, 64))  # (1, 64)
W2 = rng.standard_normal((64, 10)) * 0.1  # (64, 10)
b2 = np.zeros((1, 10))  # (1, 10)
# --8<-- [end:setup]


# --8<-- [start:forward]
def forward(X, W1, b1, W2, b2):
    """Step 4's forward pass; returns both layers' outputs.

    Backpropagation needs both.
    """
    hidden = sigmoid(X @ W1 + b1)  # (n, 784) @ (784, 64) -> (n, 64)
    output = sigmoid(hidden @ W2 + b2)  # (n, 64) @ (64, 10) -> (n, 10)
    return hidden, output


# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(X, Y, hidden, output, W2):
    """The gradient of the loss with respect to every weight and bias.

    Averaged over the batch.
    """
    n = len(X)  # examples in this batch
    error = output - Y  # (n, 10): step 5
    # (n, 10): error times the sigmoid's slope
    d_output = error * output * (1 - output)
    # (n, 10) @ (10, 64) -> (n, 64)
    d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)
    # (64, n) @ (n, 10) -> (64, 10), the shape of W2
    dW2 = hidden.T @ d_output / n
    # (n, 10) -> (1, 10), the shape of b2
    db2 = d_output.sum(axis=0, keepdims=True) / n
    # (784, n) @ (n, 64) -> (784, 64), the shape of W1
    dW1 = X.T @ d_hidden / n
    # (n, 64) -> (1, 64), the shape of b1
    db1 = d_hidden.sum(axis=0, keepdims=True) / n
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


# --8<-- [end:backward]

# --8<-- [start:run]
hidden, output = forward(X, W1, b1, W2, b2)
grads = backward(X, Y, hidden, output, W2)
params = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
# --8<-- [end:run]
# --8<-- [start:run-show]
for name, grad in grads.items():
    # one gradient per weight, in the same place
    assert grad.shape == params[name].shape
    print(f"d{name} {grad.shape}  (like {name} {params[name].shape})")
# --8<-- [end:run-show]

# --8<-- [start:read-a-gradient]
# Digit 0 is a 5. On its own it asks the "5" output to go UP: its d_output
# there is negative, and a step against the gradient (minus a negative number)
# raises that output's bias.
# digit 0 alone, (10,)
d_output_0 = (output[0] - Y[0]) * output[0] * (1 - output[0])
print(f"digit 0 alone: d_output for '5' = {d_output_0[5]:+.4f}")
# The other four digits are not 5s and ask it to go DOWN. db2 is the batch's
# average vote:
print(f"whole batch:   db2 for '5'      = {grads['b2'][0, 5]:+.4f}")
assert d_output_0[5] < 0 < grads["b2"][0, 5]
# --8<-- [end:read-a-gradient]

# --8<-- [start:gradcheck]
from nnlib import GuideNetwork, gradcheck
from nnlib.gradcheck import numerical_gradient, relative_error

# A small network (784-8-10) so that nudging every weight twice takes about
# a second.
net = GuideNetwork(n_hidden=8, rng=1)  # float64 by default
hidden, output = forward(X, net.W1, net.b1, net.W2, net.b2)  # our code...
ours = backward(X, Y, hidden, output, net.W2)
for name in ["W1", "b1", "W2", "b2"]:
    # ...against nudging each weight
    numerical = numerical_gradient(net, X, Y, name)
    error = relative_error(ours[name], numerical)
    # the error's digits vary from machine to machine
    print(f"{name}: relative error below 1e-7?", error < 1e-7)
    assert error < 1e-6, name
# nnlib's own backward pass passes the same check:
assert all(error < 1e-6 for error in gradcheck(net, X, Y).values())
# --8<-- [end:gradcheck]

# --8<-- [start:nnlib]
from nnlib import GuideNetwork

# GuideNetwork.backward runs the same lines and stores dW1, db1, dW2, db2.
net = GuideNetwork(rng=0)  # step 4's weights again
net.forward(X)
net.backward(Y)
same = all(np.allclose(net.grads[name], grads[name], rtol=1e-12, atol=0)
           for name in grads)
print("GuideNetwork.backward gives the same gradients:", same)
assert same
# --8<-- [end:nnlib]
