"""Part 3, step 6: backpropagation.

Which way should each of the 50,890 numbers move? Each line of the backward
pass reverses one line of the forward pass.

Run it on its own:  python snippets/part3/step6_backpropagation.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import load_mnist, mean_squared_error, one_hot, sigmoid

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

# --8<-- [start:forward-lines]
# Step 4's forward pass, one line per step, and step 5's loss
n = len(X)  # 5 examples
z1 = X @ W1 + b1  # (5, 784) @ (784, 64) -> (5, 64)
hidden = sigmoid(z1)  # (5, 64)
z2 = hidden @ W2 + b2  # (5, 64) @ (64, 10) -> (5, 10)
output = sigmoid(z2)  # (5, 10)
error = output - Y  # (5, 10)
loss = np.sum(error**2) / (2 * n)  # half the squared error, averaged over n
assert np.isclose(loss, mean_squared_error(output, Y))
# --8<-- [end:forward-lines]

# --8<-- [start:d-output]
# output = sigmoid(z2), reversed: the error times the sigmoid's slope.
# Per example: row i is the derivative of example i's own loss.
d_output = error * output * (1 - output)  # (5, 10)
assert d_output.shape == (5, 10)
# --8<-- [end:d-output]

# --8<-- [start:outer]
# z2 = hidden @ W2 + b2, reversed for W2. One example, the first:
# (64,) outer (10,) -> (64, 10), the shape of W2
dW2_first = np.outer(hidden[0], d_output[0])
assert dW2_first.shape == W2.shape == (64, 10)
# The batch: the sum of the five outer products is one matrix product.
summed = sum(np.outer(hidden[i], d_output[i]) for i in range(n))
# (64, 5) @ (5, 10) -> (64, 10)
assert np.allclose(summed, hidden.T @ d_output)
# --8<-- [end:outer]

# --8<-- [start:outer-small]
# The same pattern, small enough to read: one example, 3 inputs into a
# layer of 2 neurons. Weight [j, k] joins input j to neuron k.
inputs = np.array([0.5, 1.0, 0.25])  # (3,): what the layer receives
deltas = np.array([0.2, -0.4])  # (2,): its neurons' deltas
dW_small = np.outer(inputs, deltas)  # (3, 2): inputs[j] * deltas[k]
# A batch of one: (3, 1) @ (1, 2) -> (3, 2), like hidden.T @ d_output
assert np.allclose(dW_small, inputs[:, None] @ deltas[None, :])
# --8<-- [end:outer-small]

# --8<-- [start:dW2]
dW2 = hidden.T @ d_output / n  # the average over the batch: (64, 10)
# z2 = ... + b2, reversed for b2: each bias adds 1 x itself to its column
db2 = d_output.sum(axis=0, keepdims=True) / n  # (5, 10) -> (1, 10)
# a sum divided by n is a mean
assert np.allclose(db2, d_output.mean(axis=0, keepdims=True))
assert dW2.shape == W2.shape and db2.shape == b2.shape
# --8<-- [end:dW2]

# --8<-- [start:d-hidden]
# z2 = hidden @ W2 + b2, reversed for hidden: the blame sent back
# along W2, (5, 10) @ (10, 64) -> (5, 64)
from_output = d_output @ W2.T
# hidden = sigmoid(z1), reversed: times the hidden sigmoid's slope
d_hidden = from_output * hidden * (1 - hidden)  # (5, 64), per example
assert d_hidden.shape == (5, 64)
# --8<-- [end:d-hidden]

# --8<-- [start:dW1]
# z1 = X @ W1 + b1, reversed: the same pattern as for W2 and b2
dW1 = X.T @ d_hidden / n  # (784, 5) @ (5, 64) -> (784, 64)
db1 = d_hidden.sum(axis=0, keepdims=True) / n  # (5, 64) -> (1, 64)
assert dW1.shape == W1.shape and db1.shape == b1.shape
# --8<-- [end:dW1]


# --8<-- [start:forward]
def forward(X, W1, b1, W2, b2):
    """Step 4's forward pass; returns both layers' outputs."""
    hidden = sigmoid(X @ W1 + b1)  # (n, 784) @ (784, 64) -> (n, 64)
    output = sigmoid(hidden @ W2 + b2)  # (n, 64) @ (64, 10) -> (n, 10)
    return hidden, output


# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(X, Y, hidden, output, W2):
    """The gradient of the loss with respect to every weight and bias.

    The deltas are per example; the gradients are averaged over the batch.
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
lines = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}  # from the lines above
for name, grad in grads.items():
    # one gradient per weight, in the same place
    assert grad.shape == params[name].shape
    assert np.array_equal(grad, lines[name])
    print(f"d{name} {grad.shape}  (like {name} {params[name].shape})")
# --8<-- [end:run-show]

# --8<-- [start:read-a-gradient]
# Digit 0 is a 5. Its own delta for the "5" output is negative: on its own,
# it asks that output to go UP (a step against the gradient raises the bias).
# digit 0's per-example delta, (10,)
d_output_0 = (output[0] - Y[0]) * output[0] * (1 - output[0])
print(f"digit 0 alone: d_output for '5' = {d_output_0[5]:+.4f}")
# The other four digits are not 5s and ask it to go DOWN. db2 is the batch's
# average vote:
print(f"whole batch:   db2 for '5'      = {grads['b2'][0, 5]:+.4f}")
assert y_train[0] == 5 and d_output_0[5] < 0 < grads["b2"][0, 5]
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
