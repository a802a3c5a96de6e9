"""The building blocks of [`Network`][nnlib.network.Network], one small class per idea.

Every layer has ``forward(x)``, which remembers what backpropagation will need, and
``backward(grad)``, which takes the gradient of the loss with respect to the layer's output
and returns the gradient with respect to its input. Layers with weights also keep the
gradients of their weights (``dW``, ``db``) for the optimiser.
"""

from __future__ import annotations

import numpy as np

from nnlib.activations import relu, sigmoid, sigmoid_derivative
from nnlib.init import INITIALIZERS


class Linear:
    """A dense layer: every input connected to every neuron, ``x @ W + b``.

    Built in [Part 3, step 3: a layer](../part3/step3-a-layer.md#a-batch-through-the-layer).
    Built in [Part 3, step 6: backpropagation](../part3/step6-backpropagation.md#backwards-layer-by-layer).

    Examples:
        >>> layer = Linear(2, 3, np.random.default_rng(0), dtype=np.float64)
        >>> layer.W[...] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
        >>> layer.forward(np.array([[1.0, 1.0]]))  # one example: 1 * W[0] + 1 * W[1] + b
        array([[5., 7., 9.]])
    """

    def __init__(
        self,
        fan_in: int,
        fan_out: int,
        rng: np.random.Generator,
        init: str = "he",
        dtype: type = np.float32,
        needs_input_grad: bool = True,
    ) -> None:
        if init not in INITIALIZERS:
            raise ValueError(f"unknown init {init!r}; choose one of {sorted(INITIALIZERS)}")
        self.W = INITIALIZERS[init](fan_in, fan_out, rng, dtype)  # (fan_in, fan_out)
        self.b = np.zeros((1, fan_out), dtype)  # (1, fan_out)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)
        # The first layer's input is the data: nobody needs its gradient, so skip that product.
        self.needs_input_grad = needs_input_grad

    # --8<-- [start:linear-forward]
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """``x @ W + b`` for a batch ``x``, which backward will need."""
        self.x = x
        return x @ self.W + self.b  # (n, fan_in) @ (fan_in, fan_out)

    # --8<-- [end:linear-forward]

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        """Fill ``dW`` and ``db`` from the gradient at the output; return the input's.

        ``None`` for the first layer, whose input (the data) needs no gradient.
        """
        np.matmul(self.x.T, grad, out=self.dW)  # (fan_in, n) @ (n, fan_out)
        np.sum(grad, axis=0, keepdims=True, out=self.db)
        return grad @ self.W.T if self.needs_input_grad else None

    def __repr__(self) -> str:
        return f"Linear({self.W.shape[0]}, {self.W.shape[1]})"


class Sigmoid:
    """The sigmoid activation as a layer; its derivative uses the output it computed.

    Built in [Part 3, step 4: two layers](../part3/step4-two-layers.md#the-forward-pass).
    Built in [Part 3, step 6: backpropagation](../part3/step6-backpropagation.md#backwards-layer-by-layer).

    Examples:
        >>> layer = Sigmoid()
        >>> layer.forward(np.array([[0.0]]))
        array([[0.5]])
        >>> layer.backward(np.array([[1.0]]))  # the slope at 0: 0.5 * (1 - 0.5)
        array([[0.25]])
    """

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """``sigmoid(x)``, kept for `backward`."""
        self.out = sigmoid(x)
        return self.out

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """The gradient at the input: ``grad`` times the sigmoid's slope ``a * (1 - a)``."""
        return grad * sigmoid_derivative(self.out)

    def __repr__(self) -> str:
        return "Sigmoid()"


class ReLU:
    """The ReLU activation as a layer: gradients pass where the input was positive.

    Used in [Beyond the original guide, 1. ReLU in the hidden layer](../beyond/index.md#1-relu-in-the-hidden-layer).

    Examples:
        >>> layer = ReLU()
        >>> layer.forward(np.array([[-1.0, 2.0]]))
        array([[0., 2.]])
        >>> layer.backward(np.array([[5.0, 5.0]]))
        array([[0., 5.]])
    """

    # --8<-- [start:relu-forward]
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """``max(0, x)``, remembering where ``x`` was positive."""
        self.positive = x > 0
        return relu(x)

    # --8<-- [end:relu-forward]

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """The gradient at the input: ``grad`` where the input was positive, else 0."""
        return grad * self.positive

    def __repr__(self) -> str:
        return "ReLU()"


class Dropout:
    """Inverted dropout: while training, zero each unit with probability ``p``.

    The survivors are scaled by ``1 / (1 - p)`` so that the expected activation is the same
    in training and at test time, when dropout does nothing.

    Used in [Beyond the original guide, 6. Dropout and L2 regularisation](../beyond/training.md#6-dropout-and-l2-regularisation).

    Examples:
        >>> layer = Dropout(0.5, np.random.default_rng(0))
        >>> out = layer.forward(np.ones((1, 100)), training=True)
        >>> sorted(set(out.ravel().tolist()))  # dropped, or kept and doubled
        [0.0, 2.0]
        >>> layer.forward(np.ones((1, 3)))  # testing: nothing dropped
        array([[1., 1., 1.]])
    """

    def __init__(self, p: float, rng: np.random.Generator) -> None:
        if not 0.0 <= p < 1.0:
            raise ValueError(f"dropout probability must be in [0, 1), got {p}")
        self.p = p
        self.rng = rng

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        """While training, ``x`` with each unit zeroed with probability ``p``, the rest scaled."""
        if not training or self.p == 0.0:
            self.mask = None
            return x
        keep = 1.0 - self.p
        self.mask = (self.rng.random(x.shape, dtype=np.float32) < keep).astype(x.dtype) / x.dtype.type(keep)
        return x * self.mask

    def backward(self, grad: np.ndarray) -> np.ndarray:
        """The gradient at the input: through the same units, scaled the same way."""
        return grad if self.mask is None else grad * self.mask

    def __repr__(self) -> str:
        return f"Dropout({self.p})"


ACTIVATION_LAYERS = {"sigmoid": Sigmoid, "relu": ReLU}
