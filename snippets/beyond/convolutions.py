"""Beyond the original guide: convolutions, from a loop to one matrix product.

One MNIST digit and one 5x5 filter: the convolution as a Python loop, then as
one matrix product of the digit's patches (im2col). Max pooling, forward and
backward. The backward pass of a convolution (the filters' gradient as a
matrix product, the image's as a scatter back onto the patches), checked
against finite differences. Then nnlib's convolutional network, trained for
one epoch on a slice of MNIST.

Run it on its own:  python snippets/beyond/convolutions.py
"""

# --8<-- [start:digit]
import numpy as np

from nnlib import load_mnist

X_train, y_train, X_test, y_test = load_mnist()
digit = X_train[0].reshape(28, 28)  # 0 is no ink, 1 is full ink
# A 5x5 filter: each row weighs the pixels -2, -1, 0, 1, 2 from left to
# right, so it answers most where ink begins as you go right.
filt = np.tile([-2.0, -1.0, 0.0, 1.0, 2.0], (5, 1))
# --8<-- [end:digit]

# --8<-- [start:loop]
out = np.zeros((24, 24))  # 28 - 5 + 1 = 24 places down and across
for r in range(24):
    for c in range(24):
        patch = digit[r : r + 5, c : c + 5]  # the 25 pixels under the filter
        out[r, c] = np.sum(patch * filt)  # a weighted sum, like a neuron's
# --8<-- [end:loop]
# --8<-- [start:loop-print]
r, c = np.unravel_index(out.argmax(), out.shape)
print(f"feature map {out.shape}: largest {out.max():.2f} at ({r}, {c})")
# --8<-- [end:loop-print]
assert out.shape == (24, 24) and out.max() > 0 > out.min()

# --8<-- [start:patches]
from numpy.lib.stride_tricks import sliding_window_view

windows = sliding_window_view(digit, (5, 5))  # a view: nothing copied yet
patches = windows.reshape(24 * 24, 25)  # the one copy: a patch per row
# --8<-- [end:patches]
assert np.shares_memory(windows, digit) and not np.shares_memory(patches, digit)

# --8<-- [start:product]
fast = patches @ filt.ravel()  # (576, 25) @ (25,): all 576 sums at once
fast = fast.reshape(24, 24)
print(windows.shape, patches.shape, np.allclose(fast, out))
# --8<-- [end:product]
assert np.allclose(fast, out)

# --8<-- [start:filters]
rng = np.random.default_rng(0)
filters = rng.standard_normal((16, 5, 5))  # 16 filters of 5x5
W = filters.reshape(16, 25).T  # (25, 16): one filter per column
maps = patches @ W  # (576, 25) @ (25, 16) -> (576, 16)
# --8<-- [end:filters]
# --8<-- [start:filters-print]
print(maps.reshape(24, 24, 16).shape)  # 16 feature maps of 24 x 24
# --8<-- [end:filters-print]
assert np.allclose(maps[:, 0].reshape(24, 24), [
    [np.sum(digit[r : r + 5, c : c + 5] * filters[0]) for c in range(24)]
    for r in range(24)])

# --8<-- [start:nnlib]
from nnlib.conv import Conv2D, conv2d_loop

rng = np.random.default_rng(1)
layer = Conv2D(1, 16, rng, dtype=np.float64)  # 16 filters of 5x5x1
batch = X_train[:3].reshape(3, 28, 28, 1)  # (n, height, width, channels)
fast = layer.forward(batch)  # im2col and one matrix product
slow = conv2d_loop(batch, layer.W, layer.b)  # four nested loops
print(fast.shape, np.allclose(fast, slow))
# --8<-- [end:nnlib]
assert fast.shape == (3, 24, 24, 16) and np.allclose(fast, slow)

# --8<-- [start:pool]
fmap = np.maximum(out, 0)  # the filter's map after ReLU, (24, 24)
blocks = fmap.reshape(12, 2, 12, 2)  # blocks[i, :, j, :] is a 2x2 block
pooled = blocks.max(axis=(1, 3))  # the largest of each block: (12, 12)
print(pooled.shape)
# --8<-- [end:pool]
assert pooled[3, 5] == fmap[6:8, 10:12].max()

# --8<-- [start:pool-backward]
g = np.random.default_rng(2).standard_normal((12, 12))  # some gradient
is_max = blocks == pooled[:, None, :, None]  # where each block's max was
d_fmap = np.where(is_max, g[:, None, :, None], 0.0)  # there, else 0
d_fmap = d_fmap.reshape(24, 24)
print(fmap[14:16, 12:14].round(2))  # block (7, 6) of the map
print(f"its gradient {g[7, 6]:.2f} goes to the 10.53:")
print(d_fmap[14:16, 12:14].round(2))
# --8<-- [end:pool-backward]
assert np.count_nonzero(d_fmap[14:16, 12:14]) == 1 and pooled[7, 6] == out.max()

# --8<-- [start:backward]
G = np.random.default_rng(3).standard_normal((576, 16))  # at the maps
dW = patches.T @ G  # (25, 576) @ (576, 16): a sum over all 576 places
d_patches = G @ W.T  # (576, 16) @ (16, 25): a gradient per patch pixel
d_patches = d_patches.reshape(24, 24, 5, 5)
d_digit = np.zeros((28, 28))
for a in range(5):  # col2im: add each patch's gradient back where
    for b in range(5):  # its pixel came from
        d_digit[a : a + 24, b : b + 24] += d_patches[:, :, a, b]
# --8<-- [end:backward]


# --8<-- [start:check]
def loss(image, W):
    """A loss whose gradient at the maps is G: sum(maps * G)."""
    patches = sliding_window_view(image, (5, 5)).reshape(576, 25)
    return np.sum((patches @ W) * G)


eps, bump = 1e-6, np.zeros((28, 28))
bump[10, 12] = eps
numeric = (loss(digit + bump, W) - loss(digit - bump, W)) / (2 * eps)
print(f"col2im {d_digit[10, 12]:.6f}, finite difference {numeric:.6f}")
W_up, W_down = W.copy(), W.copy()
W_up[7, 3] += eps
W_down[7, 3] -= eps
numeric = (loss(digit, W_up) - loss(digit, W_down)) / (2 * eps)
print(f"dW[7, 3] {dW[7, 3]:.6f}, finite difference {numeric:.6f}")
# --8<-- [end:check]
assert np.isclose(numeric, dW[7, 3], rtol=1e-6)
assert np.isclose((loss(digit + bump, W) - loss(digit - bump, W)) / (2 * eps),
                  d_digit[10, 12], rtol=1e-6)

# --8<-- [start:network]
from nnlib import Adam, cnn, one_hot, train

model = cnn(rng=0)  # float32, He initialisation, seeded
history = train(model, X_train[:8000], one_hot(y_train[:8000]), epochs=1,
                optimizer=Adam(lr=2e-3), X_test=X_test[:1000],
                y_test=y_test[:1000], progress=False)
accuracy = history.test_accuracy[-1]
print(f"one epoch on 8,000 digits: test accuracy {accuracy:.3f}")
# --8<-- [end:network]
assert accuracy > 0.85, accuracy
