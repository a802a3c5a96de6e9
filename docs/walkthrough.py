# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The whole journey in one notebook
#
# This notebook does, in a dozen cells, what this guide builds over eight steps: load
# MNIST, build the 784-64-10 network, train it from scratch in plain NumPy, check that
# `nnlib` (the library this guide grows into) computes exactly the same, then train it
# longer, measure it, and look at what it learned. Download it with the button at the top
# of the page and run it yourself: it needs `nnlib` from the repository (`pip install -e .`)
# and downloads MNIST (about 11 MB) the first time.

# %%
import matplotlib.pyplot as plt
import numpy as np

import nnlib

# %% [markdown]
# ## 1. Load MNIST
#
# 60,000 training and 10,000 test images, each flattened to a row of 784 pixels scaled to
# $[0, 1]$. The labels are digits 0-9; the network wants them one-hot.

# %%
X_train, y_train, X_test, y_test = nnlib.load_mnist()
Y_train = nnlib.one_hot(y_train)
print(X_train.shape, Y_train.shape, X_test.shape, y_test.shape)

# %%
fig, axes = plt.subplots(1, 8, figsize=(8, 1.4))
for ax, image, label in zip(axes, X_train[:8], y_train[:8]):
    ax.imshow(image.reshape(28, 28), cmap="gray_r")
    ax.set_title(str(label))
    ax.axis("off")
plt.show()

# %% [markdown]
# ## 2. The network from scratch: one epoch in plain NumPy
#
# The whole of Part 3 in one cell: weights drawn as `randn * 0.1` and biases at zero
# (step 4), the forward pass (step 4), the error (step 5), backpropagation (step 6) and the
# update (step 7), for every shuffled mini-batch of 64 (step 8). The gradients are
# averaged over the batch's `n` examples, so the last, smaller batch counts right. The
# sigmoid is Part 2's overflow-safe one, from `nnlib`.

# %%
from nnlib import sigmoid

rng = np.random.default_rng(0)
W1 = rng.standard_normal((784, 64)) * 0.1
b1 = np.zeros((1, 64))
W2 = rng.standard_normal((64, 10)) * 0.1
b2 = np.zeros((1, 10))
learning_rate = 0.5

shuffle = np.random.default_rng(0)
order = shuffle.permutation(len(X_train))
for first in range(0, len(X_train), 64):
    batch = order[first:first + 64]
    X, Y = X_train[batch], Y_train[batch]
    n = len(X)
    hidden = sigmoid(X @ W1 + b1)  # (n, 64)
    output = sigmoid(hidden @ W2 + b2)  # (n, 10)
    d_output = (output - Y) * output * (1 - output)  # (n, 10)
    d_hidden = (d_output @ W2.T) * hidden * (1 - hidden)  # (n, 64)
    W2 -= learning_rate * hidden.T @ d_output / n
    b2 -= learning_rate * d_output.mean(axis=0, keepdims=True)
    W1 -= learning_rate * X.T @ d_hidden / n
    b1 -= learning_rate * d_hidden.mean(axis=0, keepdims=True)

test_output = sigmoid(sigmoid(X_test @ W1 + b1) @ W2 + b2)
scratch_accuracy = np.mean(test_output.argmax(axis=1) == y_test)
print(f"from scratch, after one epoch: test accuracy {scratch_accuracy:.4f}")

# %% [markdown]
# ## 3. The same network in nnlib
#
# `nnlib.GuideNetwork` is the code above, packaged: the same initial weights from the same
# seed, the same shuffles from the same seed, so one epoch of `nnlib.train` must give the
# same weights, to the last rounding error.

# %%
net = nnlib.GuideNetwork(rng=0)
print(net)
before = nnlib.accuracy(y_test, net.predict(X_test))
print(f"accuracy before training: {before:.3f}")
nnlib.train(net, X_train, Y_train, epochs=1, batch_size=64,
            optimizer=nnlib.SGD(learning_rate), rng=0, progress=False)
assert np.allclose(net.W1, W1) and np.allclose(net.W2, W2)
assert np.allclose(net.b1, b1) and np.allclose(net.b2, b2)
print("nnlib's weights after one epoch are the ones computed from scratch")

# %% [markdown]
# ## 4. Train longer
#
# Four more epochs with `nnlib.train`: mini-batches of 64, learning rate 0.5, a fresh
# shuffle every epoch. Part 3 trains for 20 epochs; five in all are enough here to see the
# curve (the site's figures use all 20).

# %%
EPOCHS = 4
history = nnlib.train(net, X_train, Y_train, epochs=EPOCHS, batch_size=64,
                      optimizer=nnlib.SGD(learning_rate), rng=1, X_test=X_test,
                      y_test=y_test, progress=False)
curves = zip(history.loss, history.test_accuracy)
for epoch, (loss, acc) in enumerate(curves, start=2):
    print(f"epoch {epoch}: loss {loss:.4f}, test accuracy {acc:.4f}")
assert history.test_accuracy[-1] > 0.90

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3))
epochs = range(2, EPOCHS + 2)
left.plot(epochs, history.loss, marker="o")
left.set(title="training loss", xlabel="epoch")
right.plot(epochs, history.test_accuracy, marker="o", color="tab:green")
right.set(title="test accuracy", xlabel="epoch")
plt.show()

# %% [markdown]
# ## 5. Evaluate
#
# The confusion matrix counts, for each true digit (row), what the network answered
# (column). The diagonal holds the right answers.

# %%
predictions = net.predict(X_test)
cm = nnlib.confusion_matrix(y_test, predictions)
print(f"test accuracy: {np.trace(cm) / cm.sum():.4f}")
print(cm)

# %%
wrong = np.flatnonzero(predictions != y_test)[:8]
fig, axes = plt.subplots(1, len(wrong), figsize=(8, 1.6))
for ax, i in zip(axes, wrong):
    ax.imshow(X_test[i].reshape(28, 28), cmap="gray_r")
    title = f"{predictions[i]} (true {y_test[i]})"
    ax.set_title(title, fontsize=8, color="tab:red")
    ax.axis("off")
plt.show()

# %% [markdown]
# ## 6. What did the hidden units learn?
#
# Each hidden unit has 784 input weights: one per pixel. Shown as 28×28 images, they are
# the patterns the units look for (red: this pixel pushes the unit on; blue: off).

# %%
limit = np.abs(net.W1).max()
fig, axes = plt.subplots(4, 8, figsize=(8, 4))
for unit, ax in enumerate(axes.flat):
    weights = net.W1[:, unit].reshape(28, 28)
    ax.imshow(weights, cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.axis("off")
plt.show()

# %% [markdown]
# ## Where next
#
# [Part 3](part3/index.html) explains every line this notebook ran;
# [Part 5](part5/exercises.html) has exercises to try on this network.
