"""Part 3, step 7: the weight update.

Move every weight a small step against its gradient. Steps 4 to 6 live in
nnlib.GuideNetwork (the same lines you wrote), so this file can focus on the
one new line: W -= learning_rate * dW.
Run it on its own:  python snippets/part3/step7_weight_update.py
"""

# --8<-- [start:setup]
import numpy as np

from nnlib import GuideNetwork, load_mnist, one_hot

X_train, y_train, X_test, y_test = load_mnist()
# one batch of 100 digits: X (100, 784), Y (100, 10)
X, Y = X_train[:100], one_hot(y_train[:100], dtype=np.float64)
learning_rate = 0.5  # the original guide's step size
# --8<-- [end:setup]

# --8<-- [start:one-step]
net = GuideNetwork(rng=0)
net.forward(X)  # step 4
loss_before = net.loss(Y)  # step 5
# step 6: fills net.dW1, net.db1, net.dW2, net.db2 (averaged over the 100)
net.backward(Y)

net.W1 -= learning_rate * net.dW1  # (784, 64) -= number * (784, 64)
net.b1 -= learning_rate * net.db1  # (1, 64)
net.W2 -= learning_rate * net.dW2  # (64, 10)
net.b2 -= learning_rate * net.db2  # (1, 10)

net.forward(X)
loss_after = net.loss(Y)
print(f"loss before {loss_before:.4f}, after one step {loss_after:.4f}")
assert loss_after < loss_before
# --8<-- [end:one-step]

# --8<-- [start:loop]
net = GuideNetwork(rng=0)
losses = []
for step in range(10):
    net.forward(X)
    losses.append(net.loss(Y))
    net.backward(Y)
    net.W1 -= learning_rate * net.dW1
    net.b1 -= learning_rate * net.db1
    net.W2 -= learning_rate * net.dW2
    net.b2 -= learning_rate * net.db2
assert all(np.diff(losses) < 0)  # down at every step
# --8<-- [end:loop]
# --8<-- [start:loop-show]
print("losses:", np.round(losses, 4))
# --8<-- [end:loop-show]

# --8<-- [start:update-method]
net2 = GuideNetwork(rng=0)
losses2 = []
for step in range(10):
    net2.forward(X)
    losses2.append(net2.loss(Y))
    net2.backward(Y)
    net2.update(learning_rate)  # GuideNetwork.update: the same four lines
same = np.allclose(losses2, losses, rtol=1e-12, atol=0)
print("net.update(learning_rate) gives the same losses:", same)
assert same
# --8<-- [end:update-method]

# --8<-- [start:wrong-sign]
net = GuideNetwork(rng=0)
wrong = []
for step in range(10):
    net.forward(X)
    wrong.append(net.loss(Y))
    net.backward(Y)
    for name, w in net.params.items():
        # WRONG: += climbs the loss instead
        w += learning_rate * net.grads[name]
print("with += :", np.round(wrong, 4))
assert all(np.diff(wrong) > 0)  # up at every step
# --8<-- [end:wrong-sign]

# --8<-- [start:learning-rates]
final = {}
for rate in [0.05, 0.5, 50.0]:
    net = GuideNetwork(rng=0)
    for step in range(10):
        net.forward(X)
        net.backward(Y)
        net.update(rate)
    net.forward(X)
    final[rate] = net.loss(Y)
    print(f"learning rate {rate:<4}: loss after 10 steps {final[rate]:.4f}, "
          f"largest output {net.output.max():.2g}")
assert final[0.5] < final[0.05]  # too small: slow
# too large: every output pushed to 0, stuck there
assert np.isclose(final[50.0], 0.5)
# --8<-- [end:learning-rates]
