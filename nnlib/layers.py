"""The building blocks of :class:`nnlib.network.Network`, one small class per idea.

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
    """A dense layer: every input connected to every neuron, ``x @ W + b``."""

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
        self.x = x
        return x @ self.W + self.b  # (n, fan_in) @ (fan_in, fan_out) -> (n, fan_out)

    # --8<-- [end:linear-forward]

    def backward(self, grad: np.ndarray) -> np.ndarray | None:
        np.matmul(self.x.T, grad, out=self.dW)  # (fan_in, n) @ (n, fan_out)
        np.sum(grad, axis=0, keepdims=True, out=self.db)
        return grad @ self.W.T if self.needs_input_grad else None

    def __repr__(self) -> str:
        return f"Linear({self.W.shape[0]}, {self.W.shape[1]})"


class Sigmoid:
    """The sigmoid activation as a layer; its derivative uses the output it computed."""

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self.out = sigmoid(x)
        return self.out

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad * sigmoid_derivative(self.out)

    def __repr__(self) -> str:
        return "Sigmoid()"


class ReLU:
    """The ReLU activation as a layer: gradients pass where the input was positive."""

    # --8<-- [start:relu-forward]
    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        self.positive = x > 0
        return relu(x)

    # --8<-- [end:relu-forward]

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad * self.positive

    def __repr__(self) -> str:
        return "ReLU()"


class Dropout:
    """Inverted dropout: while training, zero each unit with probability ``p``.

    The survivors are scaled by ``1 / (1 - p)`` so that the expected activation is the same
    in training and at test time, when dropout does nothing.
    """

    def __init__(self, p: float, rng: np.random.Generator) -> None:
        if not 0.0 <= p < 1.0:
            raise ValueError(f"dropout probability must be in [0, 1), got {p}")
        self.p = p
        self.rng = rng

    def forward(self, x: np.ndarray, training: bool = False) -> np.ndarray:
        if not training or self.p == 0.0:
            self.mask = None
            return x
        keep = 1.0 - self.p
        self.mask = (self.rng.random(x.shape, dtype=np.float32) < keep).astype(x.dtype) / x.dtype.type(keep)
        return x * self.mask

    def backward(self, grad: np.ndarray) -> np.ndarray:
        return grad if self.mask is None else grad * self.mask

    def __repr__(self) -> str:
        return f"Dropout({self.p})"


ACTIVATION_LAYERS = {"sigmoid": Sigmoid, "relu": ReLU}
