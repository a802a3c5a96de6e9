"""The original guide's own network, written the way the original guide writes it.

A 784-64-10 network with sigmoid everywhere and the original guide's error ``output - target``.
The names are the original guide's (``W1, b1, W2, b2``, ``hidden``, ``output``, ``d_output``,
``d_hidden``) so the pages can show this file line by line. Two errata are fixed here:
the gradients are averaged over the *actual* number of examples in the batch (the last
batch of 60,000 / 64 has 32, not 64), and the layer outputs keep their true 2-D shapes.
"""

from __future__ import annotations

import numpy as np

from nnlib.activations import sigmoid, sigmoid_derivative
from nnlib.init import guide_init
from nnlib.losses import mean_squared_error
from nnlib.tools.checks import check_inputs, check_targets


class GuideNetwork:
    """Two layers of sigmoid neurons: inputs -> hidden -> output.

    Built in [Part 3, step 4: two layers](../part3/step4-two-layers.md#the-same-network-in-nnlib).
    Built in [Part 3, step 6: backpropagation](../part3/step6-backpropagation.md#the-same-lines-in-nnlib).
    Built in [Part 3, step 7: the weight update](../part3/step7-weight-update.md#the-loss-going-down).

    Examples:
        >>> net = GuideNetwork(rng=0)
        >>> sum(w.size for w in net.params.values())  # numbers to learn
        50890
        >>> net.forward(np.zeros((2, 784))).shape  # two blank images: ten outputs each
        (2, 10)
    """

    # --8<-- [start:init]
    def __init__(
        self,
        n_inputs: int = 784,
        n_hidden: int = 64,
        n_outputs: int = 10,
        rng: int | np.random.Generator = 0,
        dtype: type = np.float64,
    ) -> None:
        rng = np.random.default_rng(rng)
        self.W1 = guide_init(n_inputs, n_hidden, rng, dtype)  # (784, 64)
        self.b1 = np.zeros((1, n_hidden), dtype)  # (1, 64)
        self.W2 = guide_init(n_hidden, n_outputs, rng, dtype)  # (64, 10)
        self.b2 = np.zeros((1, n_outputs), dtype)  # (1, 10)
        self.dtype = np.dtype(dtype)

    # --8<-- [end:init]

    # --8<-- [start:forward]
    def forward(self, X: np.ndarray, training: bool = False) -> np.ndarray:
        """The (n, 10) output for a batch ``X`` of n images, shape (n, 784)."""
        self.X = check_inputs(X, self.W1.shape[0])
        # (n, 784) @ (784, 64) -> (n, 64), then (n, 64) @ (64, 10) -> (n, 10)
        self.hidden = sigmoid(self.X @ self.W1 + self.b1)  # (n, 64)
        self.output = sigmoid(self.hidden @ self.W2 + self.b2)  # (n, 10)
        return self.output

    # --8<-- [end:forward]

    def loss(self, Y: np.ndarray) -> float:
        """The original guide's error as a number: half the squared error, averaged over the batch."""
        Y = check_targets(Y, len(self.output), self.output.shape[1])
        return mean_squared_error(self.output, Y)

    # --8<-- [start:backward]
    def backward(self, Y: np.ndarray) -> None:
        """Backpropagate the last output's error against one-hot ``Y``."""
        Y = check_targets(Y, len(self.output), self.output.shape[1])
        n = len(self.X)  # the actual batch size, not a fixed 64
        error = self.output - Y  # (n, 10)
        self.d_output = error * sigmoid_derivative(self.output)  # (n, 10)
        slope = sigmoid_derivative(self.hidden)  # (n, 64)
        self.d_hidden = (self.d_output @ self.W2.T) * slope  # (n, 64)
        self.dW2 = self.hidden.T @ self.d_output / n  # (64, n) @ (n, 10)
        self.db2 = self.d_output.sum(axis=0, keepdims=True) / n  # (1, 10)
        self.dW1 = self.X.T @ self.d_hidden / n  # (784, n) @ (n, 64)
        self.db1 = self.d_hidden.sum(axis=0, keepdims=True) / n  # (1, 64)

    # --8<-- [end:backward]

    # --8<-- [start:update]
    def update(self, learning_rate: float) -> None:
        """One gradient-descent step: move every weight against its gradient."""
        self.W1 -= learning_rate * self.dW1
        self.b1 -= learning_rate * self.db1
        self.W2 -= learning_rate * self.dW2
        self.b2 -= learning_rate * self.db2

    # --8<-- [end:update]

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The digit the network picks for each row of ``X``: the index of the largest output."""
        return self.forward(X).argmax(axis=1)

    @property
    def params(self) -> dict[str, np.ndarray]:
        """The weights and biases by name (the live arrays: updating them changes the network)."""
        return {"W1": self.W1, "b1": self.b1, "W2": self.W2, "b2": self.b2}

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """The gradients from the last `backward`, named as `params`.

        Zeros before the first `backward`, as in [`Network`][nnlib.network.Network].
        """
        if not hasattr(self, "dW1"):
            return {name: np.zeros_like(w) for name, w in self.params.items()}
        return {"W1": self.dW1, "b1": self.db1, "W2": self.dW2, "b2": self.db2}

    def config(self) -> dict:
        """What `nnlib.tools.weights.load_weights` needs to rebuild this network."""
        return {
            "class": "GuideNetwork",
            "n_inputs": self.W1.shape[0],
            "n_hidden": self.W1.shape[1],
            "n_outputs": self.W2.shape[1],
            "dtype": self.dtype.name,
        }

    def __repr__(self) -> str:
        n_in, n_hidden = self.W1.shape
        return f"GuideNetwork({n_in}-{n_hidden}-{self.W2.shape[1]}, sigmoid, {self.dtype.name})"


# --8<-- [start:per-example]
def batch_gradients_one_example_at_a_time(
    net: GuideNetwork, X: np.ndarray, Y: np.ndarray
) -> dict[str, np.ndarray]:
    """The guide network's gradients for a batch, one example at a time.

    The same numbers as ``net.backward`` gives for the whole batch, added up
    example by example in a Python loop, then averaged.

    Used in [Why vectorise](../beyond/why-vectorise.md).
    """
    grads = {name: np.zeros_like(w) for name, w in net.params.items()}
    for x, y in zip(X, Y):  # x: (784,) one image, y: (10,) its one-hot target
        hidden = sigmoid(x @ net.W1 + net.b1[0])  # (784,) @ (784, 64) -> (64,)
        output = sigmoid(hidden @ net.W2 + net.b2[0])  # (64,) @ (64, 10)
        d_output = (output - y) * sigmoid_derivative(output)  # (10,)
        d_hidden = (net.W2 @ d_output) * sigmoid_derivative(hidden)  # (64,)
        grads["W2"] += np.outer(hidden, d_output)  # (64, 10)
        grads["b2"][0] += d_output
        grads["W1"] += np.outer(x, d_hidden)  # (784, 64)
        grads["b1"][0] += d_hidden
    return {name: g / len(X) for name, g in grads.items()}


def train_one_example_at_a_time(
    net: GuideNetwork, X: np.ndarray, Y: np.ndarray, *,
    batch_size: int = 64, learning_rate: float = 0.5,
) -> None:
    """One epoch of the original guide's training, one example at a time.

    Used in [Why vectorise](../beyond/why-vectorise.md).
    Used in [Performance](../performance.md#also-measured).
    """
    for first in range(0, len(X), batch_size):
        batch = slice(first, first + batch_size)
        grads = batch_gradients_one_example_at_a_time(net, X[batch], Y[batch])
        for name, w in net.params.items():
            w -= learning_rate * grads[name]
# --8<-- [end:per-example]
