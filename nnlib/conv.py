"""Convolutional layers: a small filter slid over an image, as one matrix product.

Images are batches of shape ``(n, height, width, channels)`` ("channels last": a batch
of MNIST digits is ``(n, 28, 28, 1)``). A convolution with ``filters`` filters of size
``kernel x kernel`` turns it into ``(n, height - kernel + 1, width - kernel + 1, filters)``
("valid": the filter never hangs over the edge; stride 1).

The fast form is *im2col*: copy every ``kernel x kernel`` patch of the image into one row
of a matrix (with ``numpy.lib.stride_tricks.sliding_window_view``), then one matrix product
applies every filter to every patch. [`conv2d_loop`][nnlib.conv.conv2d_loop] is the same
computation as plain Python loops, slow and obviously right, for comparison.

Used in [Beyond the original guide: convolutions](../beyond/convolutions.md).
"""

from __future__ import annotations

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from nnlib.init import he
from nnlib.layers import Linear, ReLU
from nnlib.network import Sequential


def _check_images(x: np.ndarray, name: str, channels: int, min_size: int) -> None:
    """Raise ``ValueError`` unless ``x`` is a batch of images ``(n, h, w, channels)``."""
    expected = f"(n, height, width, {channels}) with height and width >= {min_size}"
    if x.ndim != 4 or x.shape[3] != channels or min(x.shape[1:3]) < min_size:
        hint = ""
        if x.ndim == 3 and channels == 1:
            hint = " Add the channel axis with x[..., np.newaxis]."
        elif x.ndim == 2:
            hint = " Turn rows of pixels into images with x.reshape(len(x), 28, 28, 1)."
        raise ValueError(f"{name} got input of shape {x.shape}; expected {expected}.{hint}")


def im2col(x: np.ndarray, kernel: int) -> np.ndarray:
    """Every ``kernel x kernel`` patch of the images ``x`` as one row of a matrix.

    ``x`` has shape ``(n, h, w, c)``; the result has one row per patch, ``n * oh * ow``
    rows (``oh = h - kernel + 1``, ``ow = w - kernel + 1``), and ``kernel * kernel * c``
    columns, in the order (patch row, patch column, channel).

    Used in [Convolutions: one product](../beyond/convolutions.md#one-matrix-product).

    Examples:
        >>> x = np.arange(9.0).reshape(1, 3, 3, 1)  # one 3x3 image: 0 1 2 / 3 4 5 / 6 7 8
        >>> im2col(x, 2)  # its four 2x2 patches, one per row
        array([[0., 1., 3., 4.],
               [1., 2., 4., 5.],
               [3., 4., 6., 7.],
               [4., 5., 7., 8.]])
    """
    n, h, w, c = x.shape
    oh, ow = h - kernel + 1, w - kernel + 1
    # A view, no copy: windows[i, r, s, ch, a, b] = x[i, r + a, s + b, ch].
    windows = sliding_window_view(x, (kernel, kernel), axis=(1, 2))
    if c > 1:
        # Reorder to (patch row, patch column, channel) and copy into rows: the one copy.
        return windows.transpose(0, 1, 2, 4, 5, 3).reshape(n * oh * ow, kernel * kernel * c)
    # With one channel a row of a patch is only `kernel` numbers long: copied that way the
    # copy is slow. The same matrix stored column by column copies whole rows of the image
    # (about 3 times faster for MNIST); a matrix product reads either order.
    columns = np.ascontiguousarray(windows.transpose(4, 5, 3, 0, 1, 2))
    return columns.reshape(kernel * kernel, n * oh * ow).T


def col2im(cols: np.ndarray, shape: tuple[int, int, int, int], kernel: int) -> np.ndarray:
    """The reverse of [`im2col`][nnlib.conv.im2col] for gradients: add each row back onto its patch.

    A pixel lies in up to ``kernel * kernel`` patches, so it receives the sum of the values
    at its place in each of them. ``shape`` is the images' shape ``(n, h, w, c)``; ``cols``
    has one row per patch, ``n * oh * ow`` of them, of ``kernel * kernel * c`` values
    (any shape that reshapes to ``(n, oh, ow, kernel, kernel, c)``).

    Used in [Convolutions: the backward pass](../beyond/convolutions.md#the-backward-pass).

    Examples:
        >>> x = np.ones((1, 3, 3, 1))
        >>> col2im(im2col(x, 2), x.shape, 2)[0, :, :, 0]  # how many patches hold each pixel
        array([[1., 2., 1.],
               [2., 4., 2.],
               [1., 2., 1.]])
    """
    n, h, w, c = shape
    oh, ow = h - kernel + 1, w - kernel + 1
    patches = cols.reshape(n, oh, ow, kernel, kernel, c)
    dx = np.zeros(shape, dtype=cols.dtype)
    for a in range(kernel):  # kernel * kernel additions of whole slices, not a loop per pixel
        for b in range(kernel):
            dx[:, a : a + oh, b : b + ow, :] += patches[:, :, :, a, b, :]
    return dx


def conv2d_loop(x: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The convolution as plain loops: every example, filter and output pixel in turn.

    ``x`` is ``(n, h, w, c)``, ``W`` is ``(filters, kernel, kernel, c)``, ``b`` is
    ``(filters,)``. Slow (a Python step per output pixel), but it says exactly what a
    convolution computes; [`Conv2D`][nnlib.conv.Conv2D] must agree with it.

    Used in [Convolutions: a filter slid over a digit](../beyond/convolutions.md#a-filter-slid-over-a-digit).

    Examples:
        >>> x = np.arange(9.0).reshape(1, 3, 3, 1)
        >>> W = np.ones((1, 2, 2, 1))  # one 2x2 filter that adds its patch
        >>> conv2d_loop(x, W, np.zeros(1))[0, :, :, 0]
        array([[ 8., 12.],
               [20., 24.]])
    """
    n, h, w, c = x.shape
    filters, kernel = W.shape[0], W.shape[1]
    out = np.zeros((n, h - kernel + 1, w - kernel + 1, filters), dtype=np.result_type(x, W))
    for i in range(n):
        for f in range(filters):
            for r in range(h - kernel + 1):
                for s in range(w - kernel + 1):
                    patch = x[i, r : r + kernel, s : s + kernel, :]
                    out[i, r, s, f] = np.sum(patch * W[f]) + b[f]
    return out


class Conv2D:
    """A convolution layer: ``filters`` filters of ``kernel x kernel x channels`` weights.

    Valid (no padding), stride 1. ``W`` has shape ``(filters, kernel, kernel, channels)``
    and ``b`` shape ``(filters,)``; they start with He's initialisation (each filter sees
    ``kernel * kernel * channels`` inputs). The forward pass is one matrix product of the
    patches ([`im2col`][nnlib.conv.im2col]) with the filters; the backward pass gives the
    filters' gradient as one matrix product and the input's as a scatter back onto the
    patches ([`col2im`][nnlib.conv.col2im]).

    Used in [Beyond the original guide: convolutions](../beyond/convolutions.md).

    Examples:
        >>> layer = Conv2D(1, 16, np.random.default_rng(0))
        >>> layer
        Conv2D(1, 16, kernel=5)
        >>> layer.forward(np.zeros((3, 28, 28, 1), np.float32)).shape
        (3, 24, 24, 16)
    """

    def __init__(
        self,
        channels: int,
        filters: int,
        rng: np.random.Generator,
        kernel: int = 5,
        dtype: type = np.float32,
        needs_input_grad: bool = True,
    ) -> None:
        if min(channels, filters, kernel) < 1:
            raise ValueError(
                f"channels, filters and kernel must be >= 1, got {channels}, {filters}, {kernel}"
            )
        self.channels, self.filters, self.kernel = channels, filters, kernel
        fan_in = kernel * kernel * channels
        self.W = he(fan_in, filters, rng, dtype).T.reshape(filters, kernel, kernel, channels).copy()
        self.b = np.zeros(filters, dtype)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        # The first layer's input is the data: nobody needs its gradient, so skip col2im.
        self.needs_input_grad = needs_input_grad

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """The filters applied to every patch of ``x`` ``(n, h, w, channels)``."""
        _check_images(x, repr(self), self.channels, self.kernel)
        n, h, w, _ = x.shape
        self.x_shape = x.shape
        self.cols = im2col(x, self.kernel)  # (n * oh * ow, kernel * kernel * channels)
        W = self.W.reshape(self.filters, -1)  # (filters, kernel * kernel * channels)
        out = self.cols @ W.T  # (n * oh * ow, filters)
        oh, ow = h - self.kernel + 1, w - self.kernel + 1
        # The bias, added in place to each image's outputs as one long row: NumPy adds a
        # short row (16 numbers) 36,864 times about 3 times slower.
        per_image = out.reshape(n, oh * ow * self.filters)
        per_image += np.tile(self.b, oh * ow)
        return out.reshape(n, oh, ow, self.filters)

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        """Fill ``dW`` and ``db`` from the gradient at the output; return the input's.

        ``None`` for the first layer, whose input (the data) needs no gradient.
        """
        g = grad.reshape(-1, self.filters)  # (n * oh * ow, filters): one row per patch
        # dW = g.T @ cols, computed as (cols.T @ g).T: the same sums, and for these long,
        # thin matrices OpenBLAS is up to 4 times faster in this order.
        self.dW[...] = (self.cols.T @ g).T.reshape(self.dW.shape)
        # The column sums of g, as a product with ones: many times faster than
        # g.sum(axis=0) for so many rows of so few columns.
        np.matmul(np.ones(len(g), g.dtype), g, out=self.db)
        if not self.needs_input_grad:
            return None
        # dcols = g @ W, (n * oh * ow, kernel * kernel * channels), computed one filter
        # position (a, b) at a time: each position's gradients then lie side by side in
        # memory, and col2im adds them back in long runs (about 3 times faster).
        k, f, c = self.kernel, self.filters, self.channels
        W_per_position = self.W.transpose(1, 2, 0, 3).reshape(k * k, f, c)
        dcols = np.matmul(g, W_per_position).transpose(1, 0, 2)  # (n * oh * ow, k * k, c)
        return col2im(dcols, self.x_shape, self.kernel)

    def __repr__(self) -> str:
        return f"Conv2D({self.channels}, {self.filters}, kernel={self.kernel})"


class MaxPool2D:
    """2x2 max pooling: each 2x2 block of every channel becomes its largest value.

    ``(n, h, w, c)`` becomes ``(n, h // 2, w // 2, c)``; with an odd height or width the
    last row or column is left out (as PyTorch does). The backward pass sends each
    gradient to the one input that was the maximum, and 0 to the other three. On a tie it
    goes to the first maximum reading down the block's columns, the left column first.

    Used in [Beyond the original guide: convolutions](../beyond/convolutions.md#max-pooling).

    Examples:
        >>> x = np.array([[1.0, 5.0], [3.0, 2.0]]).reshape(1, 2, 2, 1)
        >>> pool = MaxPool2D()
        >>> pool.forward(x).ravel()
        array([5.])
        >>> pool.backward(np.ones((1, 1, 1, 1)))[0, :, :, 0]  # only the 5 gets the gradient
        array([[0., 1.],
               [0., 0.]])
    """

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """The maximum of each 2x2 block of ``x`` ``(n, h, w, c)``, per channel."""
        if x.ndim != 4 or min(x.shape[1:3]) < 2:
            raise ValueError(
                f"MaxPool2D got input of shape {x.shape}; expected (n, height, width, channels) "
                f"with height and width >= 2."
            )
        self.x_shape = x.shape
        n, h, w, c = x.shape
        oh, ow = h // 2, w // 2
        # Two steps, the long one first: the larger of each pair of rows compares whole rows
        # of the image (fast in NumPy), then the larger of each pair of columns.
        # rows[i, r, 0] and rows[i, r, 1] are rows 2r and 2r + 1 of image i.
        self.rows = x[:, : 2 * oh, : 2 * ow].reshape(n, oh, 2, 2 * ow * c)
        self.columns = np.maximum(self.rows[:, :, 0], self.rows[:, :, 1]).reshape(n, oh, ow, 2, c)
        return np.maximum(self.columns[:, :, :, 0], self.columns[:, :, :, 1])

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """The gradient at the input: each block's gradient at its maximum, 0 elsewhere."""
        n, h, w, c = self.x_shape
        oh, ow = grad.shape[1:3]
        # The same two steps backwards: each gradient goes to the column that won, then
        # within it to the row that won. The left's (or top's) share is the whole minus
        # the right's (bottom's): exactly the gradient, or exactly 0.
        to_columns = np.empty((n, oh, ow, 2, c), grad.dtype)
        left, right = self.columns[:, :, :, 0], self.columns[:, :, :, 1]
        np.multiply(grad, right > left, out=to_columns[:, :, :, 1])
        np.subtract(grad, to_columns[:, :, :, 1], out=to_columns[:, :, :, 0])
        to_columns = to_columns.reshape(n, oh, 2 * ow * c)
        # Every input gets a value below unless an odd last row or column was left out.
        dx = (np.empty if (h, w) == (2 * oh, 2 * ow) else np.zeros)(self.x_shape, grad.dtype)
        # A view of dx (a row's columns and channels lie side by side): writing fills dx.
        to_rows = dx[:, : 2 * oh, : 2 * ow].reshape(n, oh, 2, 2 * ow * c)
        top, bottom = self.rows[:, :, 0], self.rows[:, :, 1]
        np.multiply(to_columns, bottom > top, out=to_rows[:, :, 1])
        np.subtract(to_columns, to_rows[:, :, 1], out=to_rows[:, :, 0])
        return dx

    def __repr__(self) -> str:
        return "MaxPool2D()"


class Flatten:
    """Images ``(n, h, w, c)`` to rows ``(n, h * w * c)`` for a dense layer, and back.

    Used in [Beyond the original guide: convolutions](../beyond/convolutions.md#the-network).

    Examples:
        >>> Flatten().forward(np.zeros((5, 4, 4, 32))).shape
        (5, 512)
    """

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """Each example's values as one row."""
        self.x_shape = x.shape
        return x.reshape(len(x), -1)

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """The gradient reshaped back to the images' shape."""
        return grad.reshape(self.x_shape)

    def __repr__(self) -> str:
        return "Flatten()"


CNN_CHUNK = 16
"""The examples of a batch [`cnn`][nnlib.conv.cnn] works on at a time when training in one
thread: its arrays for a whole batch of 64 are several megabytes; for 16 they stay in the
processor's cache (see [`gradient_in_chunks`][nnlib.train.gradient_in_chunks])."""


def cnn_chunk_size(threads: int = 1) -> int | None:
    """``train``'s ``chunk_size`` for [`cnn`][nnlib.conv.cnn] with ``threads`` threads.

    [`CNN_CHUNK`][nnlib.conv.CNN_CHUNK] in one thread. With more, each thread's share of a
    batch of 64 is small enough as it is: chunks of it made a step slower (measured with
    ``python -m nnlib bench --model cnn``).

    Used in [Performance: convolutions](../performance-details.md#two-threads).

    Examples:
        >>> cnn_chunk_size(1), cnn_chunk_size(2)
        (16, None)
    """
    return CNN_CHUNK if threads == 1 else None

CNN_LR = 2e-3
"""The starting learning rate of [`cnn`][nnlib.conv.cnn]'s Adam, which a cosine schedule glides to 0."""


def cnn(rng: int | np.random.Generator = 0, dtype: type = np.float32) -> Sequential:
    """The convolutional network for MNIST: two convolutions with pooling, then a dense layer.

    conv 5x5 (16 filters), ReLU, 2x2 max pool, conv 5x5 (32 filters), ReLU, 2x2 max pool,
    dense to 10, softmax with cross-entropy. The shapes for a batch of ``n`` digits:
    ``(n, 28, 28, 1)``, ``(n, 24, 24, 16)``, ``(n, 12, 12, 16)``, ``(n, 8, 8, 32)``,
    ``(n, 4, 4, 32)``, ``(n, 512)``, ``(n, 10)``. Train it with ``Adam(CNN_LR)`` and
    ``lr_schedule=cosine_schedule(CNN_LR, epochs)``, in batches of 64 (with
    ``chunk_size=CNN_CHUNK``: faster, the same updates).

    Used in [Beyond the original guide: convolutions](../beyond/convolutions.md#the-network).

    Examples:
        >>> net = cnn()
        >>> net.forward(np.zeros((5, 784))).shape
        (5, 10)
        >>> {name: w.shape for name, w in net.params.items() if name.startswith("W")}
        {'W1': (16, 5, 5, 1), 'W2': (32, 5, 5, 16), 'W3': (512, 10)}
    """
    rng = np.random.default_rng(rng)
    layers = [
        Conv2D(1, 16, rng, dtype=dtype, needs_input_grad=False), ReLU(), MaxPool2D(),
        Conv2D(16, 32, rng, dtype=dtype), ReLU(), MaxPool2D(),
        Flatten(), Linear(4 * 4 * 32, 10, rng, dtype=dtype),
    ]
    return Sequential(layers, input_shape=(28, 28, 1), dtype=dtype)
