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
# This notebook does, in a dozen cells, what the guide builds over eight steps: load MNIST,
# build the guide's 784-64-10 network, train it, measure it, and look at what it learned.
# Every cell imports from `nnlib`, the library the guide grows into, so it runs the same
# code as the pages. Download it with the button at the top of the page and run it yourself:
# it needs `pip install nnlib` from the repository (`pip install -e .`) and downloads MNIST
# (about 11 MB) the first time.

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
# ## 2. Build the guide's network
#
# Two layers of sigmoid neurons: $784 \to 64 \to 10$, weights drawn as `randn * 0.1`,
# biases at zero. Before training it guesses: about 10% right.

# %%
net = nnlib.GuideNetwork(rng=0)
print(net)
print("W1", net.W1.shape, "b1", net.b1.shape, "W2", net.W2.shape, "b2", net.b2.shape)
before = nnlib.accuracy(y_test, net.predict(X_test))
print(f"accuracy before training: {before:.3f}")

# %% [markdown]
# ## 3. Train
#
# Mini-batches of 64, learning rate 0.5, a fresh shuffle every epoch. The guide trains for
# 20 epochs; five are enough here to see the curve (the site's figures use all 20).

# %%
EPOCHS = 5
history = nnlib.train(net, X_train, Y_train, epochs=EPOCHS, batch_size=64,
                      optimizer=nnlib.SGD(0.5), rng=0, X_test=X_test, y_test=y_test,
                      progress=False)
for epoch, (loss, acc) in enumerate(zip(history.loss, history.test_accuracy), start=1):
    print(f"epoch {epoch}: loss {loss:.4f}, test accuracy {acc:.4f}")
assert history.test_accuracy[-1] > 0.90

# %%
fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3))
epochs = range(1, EPOCHS + 1)
left.plot(epochs, history.loss, marker="o")
left.set(title="training loss", xlabel="epoch")
right.plot(epochs, history.test_accuracy, marker="o", color="tab:green")
right.set(title="test accuracy", xlabel="epoch")
plt.show()

# %% [markdown]
# ## 4. Evaluate
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
    ax.set_title(f"{predictions[i]} (true {y_test[i]})", fontsize=8, color="tab:red")
    ax.axis("off")
plt.show()

# %% [markdown]
# ## 5. What did the hidden units learn?
#
# Each hidden unit has 784 input weights: one per pixel. Shown as 28×28 images, they are
# the patterns the units look for (red: this pixel pushes the unit on; blue: off).

# %%
limit = np.abs(net.W1).max()
fig, axes = plt.subplots(4, 8, figsize=(8, 4))
for unit, ax in enumerate(axes.flat):
    ax.imshow(net.W1[:, unit].reshape(28, 28), cmap="RdBu_r", vmin=-limit, vmax=limit)
    ax.axis("off")
plt.show()

# %% [markdown]
# ## Where next
#
# The guide's [Part 3](part3/index.html) explains every line this notebook ran;
# [Part 5](part5/exercises.html) has exercises to try on this network.
