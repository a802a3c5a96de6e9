"""A multilayer network of any depth: the original guide's network, generalised.

``Network([784, 128, 10])`` stacks ``Linear -> activation`` for each hidden layer and a
final ``Linear``. With ``output="softmax"`` the final scores go through softmax and the
loss is cross-entropy; with ``output="sigmoid"`` it is the original guide's sigmoid with the squared
error. Either way the first gradient of backpropagation is ``(output - target) / n``
(for sigmoid, times the sigmoid's derivative).
"""

from __future__ import annotations

import math

import numpy as np

from nnlib.activations import sigmoid, sigmoid_derivative, softmax
from nnlib.layers import ACTIVATION_LAYERS, Dropout, Linear
from nnlib.losses import mean_squared_error, mse_gradient, softmax_cross_entropy
from nnlib.tools.checks import check_inputs, check_targets

OUTPUTS = ("softmax", "sigmoid")


def _numbered(layers: list, weights: str, biases: str) -> dict[str, np.ndarray]:
    """``W1, b1, W2, b2, ...``: the attributes ``weights`` and ``biases`` of each layer in turn."""
    named = {}
    for i, layer in enumerate(layers, start=1):
        named[f"W{i}"], named[f"b{i}"] = getattr(layer, weights), getattr(layer, biases)
    return named


def _predict_in_batches(forward, X: np.ndarray, batch_size: int) -> np.ndarray:
    """The argmax of ``forward``'s outputs for each row of ``X``, ``batch_size`` rows at a time."""
    return np.concatenate(
        [forward(X[i : i + batch_size]).argmax(axis=1) for i in range(0, len(X), batch_size)]
    )


class Network:
    """A stack of dense layers with one activation for the hidden layers.

    ``sizes`` lists the layer sizes, inputs first; ``activation`` is ``"relu"`` or
    ``"sigmoid"``; ``output`` is ``"softmax"`` (with cross-entropy) or ``"sigmoid"``
    (with the original guide's squared error); ``init`` names an initialisation of
    `nnlib.init`; ``dropout`` and ``l2`` regularise.

    Used in [Beyond the original guide](../beyond/index.md#how-the-comparison-works).

    Examples:
        >>> Network([784, 64, 10], activation="sigmoid", output="sigmoid", init="guide")
        Network(784-64-10, sigmoid, sigmoid, float32)
        >>> Network([784, 256, 128, 10], dropout=0.2)  # the defaults: ReLU, softmax, He
        Network(784-256-128-10, relu, softmax, float32, dropout=0.2)
    """

    def __init__(
        self,
        sizes: list[int] = (784, 128, 10),
        activation: str = "relu",
        output: str = "softmax",
        init: str = "he",
        rng: int | np.random.Generator = 0,
        dtype: type = np.float32,
        dropout: float = 0.0,
        l2: float = 0.0,
    ) -> None:
        sizes = [int(s) for s in sizes]
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(
                f"sizes must list at least an input and an output size, all >= 1; got {sizes}. "
                f"Give one size per layer, e.g. [784, 64, 10] for one hidden layer of 64."
            )
        if activation not in ACTIVATION_LAYERS:
            raise ValueError(f"unknown activation {activation!r}; choose one of {sorted(ACTIVATION_LAYERS)}")
        if output not in OUTPUTS:
            raise ValueError(f"unknown output {output!r}; choose one of {list(OUTPUTS)}")
        if not 0.0 <= dropout < 1.0:
            raise ValueError(
                f"dropout must be in [0, 1), got {dropout}: it is the probability of zeroing "
                f"each hidden output while training. Use 0 for none, or e.g. 0.2."
            )
        if not (0.0 <= l2 < math.inf):
            raise ValueError(
                f"l2 must be a finite number >= 0, got {l2}: it is the weight of the penalty "
                f"on large weights. Use 0 for none, or e.g. 1e-4."
            )
        rng = np.random.default_rng(rng)
        self.sizes, self.activation, self.output_kind, self.init = sizes, activation, output, init
        self.dtype, self.dropout, self.l2 = np.dtype(dtype), float(dropout), float(l2)

        self.linears = [
            Linear(fan_in, fan_out, rng, init, dtype, needs_input_grad=(i > 0))
            for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]))
        ]
        self.layers: list = []
        for linear in self.linears[:-1]:
            self.layers += [linear, ACTIVATION_LAYERS[activation]()]
            if dropout > 0:
                self.layers.append(Dropout(dropout, rng))
        self.layers.append(self.linears[-1])

    # --8<-- [start:forward]
    def forward(self, X: np.ndarray, training: bool = False) -> np.ndarray:
        """The network's outputs for a batch ``X`` of shape (n, sizes[0])."""
        out = check_inputs(X, self.sizes[0])
        if out.dtype != self.dtype:
            out = out.astype(self.dtype)
        for layer in self.layers:
            out = layer.forward(out, training)
        self.scores = out  # the last layer's raw outputs (logits)
        if self.output_kind == "softmax":
            self.output = softmax(out)
        else:
            self.output = sigmoid(out)
        return self.output

    # --8<-- [end:forward]

    def loss(self, Y: np.ndarray) -> float:
        """The loss of the last `forward` against one-hot targets ``Y`` (plus the L2 penalty)."""
        Y = check_targets(Y, len(self.output), self.sizes[-1])
        if self.output_kind == "softmax":
            data_loss = softmax_cross_entropy(self.scores, Y)
        else:
            data_loss = mean_squared_error(self.output, Y)
        if self.l2:
            data_loss += 0.5 * self.l2 * sum(float(np.sum(lin.W * lin.W)) for lin in self.linears)
        return data_loss

    def backward(self, Y: np.ndarray) -> None:
        """Fill every layer's gradients from the last `forward` and targets ``Y``."""
        Y = check_targets(Y, len(self.output), self.sizes[-1]).astype(self.dtype, copy=False)
        if self.output_kind == "softmax":
            grad = (self.output - Y) / self.dtype.type(len(Y))  # softmax + cross-entropy: output - target
        else:
            grad = mse_gradient(self.output, Y) * sigmoid_derivative(self.output)
        for layer in reversed(self.layers):
            grad = layer.backward(grad)
        if self.l2:
            for lin in self.linears:
                lin.dW += self.dtype.type(self.l2) * lin.W

    def predict(self, X: np.ndarray, batch_size: int = 10_000) -> np.ndarray:
        """The class with the highest output for each row of ``X`` (in batches to bound memory)."""
        return _predict_in_batches(self.forward, check_inputs(X, self.sizes[0]), batch_size)

    @property
    def params(self) -> dict[str, np.ndarray]:
        """Weights and biases named like the original guide's: W1, b1, W2, b2, ... (the live arrays)."""
        return _numbered(self.linears, "W", "b")

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """The gradients from the last `backward`, with the same names as `params`."""
        return _numbered(self.linears, "dW", "db")

    def config(self) -> dict:
        """What `nnlib.tools.weights.load_weights` needs to rebuild this network."""
        return {
            "class": "Network",
            "sizes": self.sizes,
            "activation": self.activation,
            "output": self.output_kind,
            "init": self.init,
            "dtype": self.dtype.name,
            "dropout": self.dropout,
            "l2": self.l2,
        }

    def __repr__(self) -> str:
        shape = "-".join(map(str, self.sizes))
        extras = "".join(
            [f", dropout={self.dropout}" if self.dropout else "", f", l2={self.l2}" if self.l2 else ""]
        )
        return f"Network({shape}, {self.activation}, {self.output_kind}, {self.dtype.name}{extras})"


class Sequential:
    """Any layers applied in turn, the last one's outputs through softmax with cross-entropy.

    ``layers`` is a list of layer objects (each with ``forward`` and ``backward``, like
    those of `nnlib.layers` and `nnlib.conv`). Inputs arrive as rows of ``n_inputs``
    values, as [`train`][nnlib.train.train] hands them over, and are reshaped to
    ``(n, *input_shape)`` before the first layer: ``input_shape=(28, 28, 1)`` turns each
    row of 784 pixels back into a 28x28 image with one channel. The weights of the layers
    that have them are named ``W1``, ``b1``, ``W2``, ... in order, like `Network`'s.

    Used in [Beyond the original guide: convolutions](../beyond/convolutions.md#the-network).

    Examples:
        >>> from nnlib.layers import Linear, ReLU
        >>> rng = np.random.default_rng(0)
        >>> net = Sequential([Linear(6, 5, rng), ReLU(), Linear(5, 3, rng)], input_shape=(6,))
        >>> net
        Sequential(Linear(6, 5), ReLU(), Linear(5, 3))
        >>> net.forward(np.ones((4, 6))).shape, sorted(net.params)
        ((4, 3), ['W1', 'W2', 'b1', 'b2'])
    """

    def __init__(self, layers: list, input_shape: tuple[int, ...] = (784,),
                 dtype: type = np.float32) -> None:
        if not layers:
            raise ValueError("Sequential needs at least one layer.")
        self.layers = list(layers)
        self.input_shape = tuple(int(s) for s in input_shape)
        self.n_inputs = math.prod(self.input_shape)
        self.dtype = np.dtype(dtype)
        self.weighted = [layer for layer in self.layers if hasattr(layer, "W")]

    def forward(self, X: np.ndarray, training: bool = False) -> np.ndarray:
        """Softmax of the last layer's outputs for a batch ``X`` of shape (n, n_inputs)."""
        out = check_inputs(X, self.n_inputs)
        out = out.astype(self.dtype, copy=False).reshape(len(out), *self.input_shape)
        for layer in self.layers:
            out = layer.forward(out, training)
        self.scores = out  # the last layer's raw outputs (logits)
        self.output = softmax(out)
        return self.output

    def loss(self, Y: np.ndarray) -> float:
        """Cross-entropy of the last `forward` against one-hot targets ``Y``."""
        Y = check_targets(Y, len(self.output), self.output.shape[1])
        return softmax_cross_entropy(self.scores, Y)

    def backward(self, Y: np.ndarray) -> None:
        """Fill every layer's gradients from the last `forward` and targets ``Y``."""
        Y = check_targets(Y, len(self.output), self.output.shape[1]).astype(self.dtype, copy=False)
        grad = (self.output - Y) / self.dtype.type(len(Y))  # softmax + cross-entropy
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def predict(self, X: np.ndarray, batch_size: int = 1000) -> np.ndarray:
        """The class with the highest output for each row of ``X`` (in batches to bound memory)."""
        return _predict_in_batches(self.forward, check_inputs(X, self.n_inputs), batch_size)

    @property
    def params(self) -> dict[str, np.ndarray]:
        """Weights and biases of the layers that have them: W1, b1, W2, b2, ... (the live arrays)."""
        return _numbered(self.weighted, "W", "b")

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """The gradients from the last `backward`, with the same names as `params`."""
        return _numbered(self.weighted, "dW", "db")

    def __repr__(self) -> str:
        return f"Sequential({', '.join(map(repr, self.layers))})"
