"""The reference network of Exercises 4 to 6 (784-64-10, sigmoid, the site's squared
error averaged over the batch), and detectors shared by their checks."""

from __future__ import annotations

import numpy as np

from nnlib.activations import sigmoid
from nnlib.tutor.compare import Detector
from nnlib.tutor.hints import hint
from nnlib.tutor.learner import Outcome
from nnlib.tutor.report import Hint

NAMES = ("W1", "b1", "W2", "b2")
SHAPES = {"W1": (784, 64), "b1": (1, 64), "W2": (64, 10), "b2": (1, 10)}


def init(rng: np.random.Generator) -> dict[str, np.ndarray]:
    """The starting weights: normal * 0.1, W1 drawn before W2; zero biases."""
    return {"W1": rng.standard_normal((784, 64)) * 0.1, "b1": np.zeros((1, 64)),
            "W2": rng.standard_normal((64, 10)) * 0.1, "b2": np.zeros((1, 10))}


def lively(seed: int) -> dict[str, np.ndarray]:
    """Weights large enough that the guesses differ from example to example."""
    rng = np.random.default_rng(seed)
    return {name: rng.standard_normal(shape) * 0.3 for name, shape in SHAPES.items()}


def forward(X: np.ndarray, p: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """hidden (n, 64) and output (n, 10)."""
    hidden = sigmoid(X @ p["W1"] + p["b1"])
    return hidden, sigmoid(hidden @ p["W2"] + p["b2"])


def loss(output: np.ndarray, Y: np.ndarray) -> float:
    """Half the squared error, summed over the outputs, averaged over the examples."""
    return float(0.5 * np.sum((output - Y) ** 2) / len(output))


def backward(p: dict[str, np.ndarray], X: np.ndarray, Y: np.ndarray, hidden: np.ndarray,
             output: np.ndarray) -> dict[str, np.ndarray]:
    """The gradients of :func:`loss`, each the shape of its weight."""
    n = len(X)
    d_output = (output - Y) * output * (1 - output)
    d_hidden = (d_output @ p["W2"].T) * hidden * (1 - hidden)
    return {"W1": X.T @ d_hidden / n, "b1": d_hidden.sum(axis=0, keepdims=True) / n,
            "W2": hidden.T @ d_output / n, "b2": d_output.sum(axis=0, keepdims=True) / n}


def batch(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """n stand-in images (pixels in 0..1) and one-hot targets."""
    rng = np.random.default_rng(seed)
    return rng.random((n, 784)), np.eye(10)[rng.integers(0, 10, n)]


def bias_shape(found: Outcome, expected: np.ndarray) -> Hint | None:
    """A bias (or its gradient) that is not the (1, neurons) row it must be."""
    if found.kind == "array" and found.value is not None and expected.ndim == 2 \
            and expected.shape[0] == 1 and found.value.shape != expected.shape:
        return hint("bias-shape")
    return None


def divided_by(n: int) -> Detector:
    """The gradient of a batch of n is divided by some fixed k, not by n (k = 1: a sum)."""
    def detect(found: Outcome, expected: np.ndarray) -> Hint | None:
        got = found.value
        if found.kind != "array" or got is None or got.shape != expected.shape:
            return None
        scale = float(np.sum(got * expected) / np.sum(expected * expected))
        if not scale > 0 or not np.allclose(got, expected * scale, rtol=1e-4, atol=1e-12):
            return None
        k = n / scale
        if abs(k - round(k)) > 1e-3 * k or round(k) == n:
            return None
        return hint("sum-not-mean" if round(k) == 1 else "fixed-batch")
    return detect


def argmax_axis(found: Outcome, expected: np.ndarray) -> Hint | None:
    """Guesses of the wrong shape: argmax without an axis, or along axis 0."""
    if found.kind == "array" and found.value is not None \
            and found.value.shape in ((), (10,)) and found.value.shape != expected.shape:
        return hint("argmax-axis")
    return None
