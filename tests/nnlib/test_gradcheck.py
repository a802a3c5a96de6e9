"""nnlib.gradcheck: finite differences, the relative error, and the check built from them."""

import numpy as np
import pytest

from nnlib import GuideNetwork, Network, gradcheck
from nnlib.gradcheck import numerical_gradient, relative_error


class Bowl:
    """A model whose loss is ``sum(w ** 3) / 3``: its gradient is ``w ** 2``."""

    def __init__(self, w):
        self.params = {"w": np.array(w, dtype=np.float64)}

    def forward(self, X, training=False):
        return X

    def loss(self, Y):
        return float(np.sum(self.params["w"] ** 3) / 3)


def test_numerical_gradient_of_a_known_function():
    model = Bowl([1.0, -2.0, 0.5])
    grad = numerical_gradient(model, np.zeros((1, 1)), None, "w")
    np.testing.assert_allclose(grad, [1.0, 4.0, 0.25], rtol=1e-8)
    np.testing.assert_array_equal(model.params["w"], [1.0, -2.0, 0.5])  # put back


def test_relative_error():
    assert relative_error(np.zeros(2), np.zeros(2)) == 0.0  # no division by zero
    assert np.isclose(relative_error(np.array([1.0]), np.array([-1.0])), 1.0)
    assert np.isclose(relative_error(np.array([3.0, 0.0]), np.array([0.0, 4.0])), 5 / 7)


def test_a_correct_backward_pass_passes(tiny):
    X, Y = tiny
    errors = gradcheck(GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=3), X, Y)
    assert set(errors) == {"W1", "b1", "W2", "b2"}
    assert max(errors.values()) < 1e-6, errors


def test_a_broken_backward_pass_is_caught(tiny):
    X, Y = tiny
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=3)
    original = net.backward

    def broken(Y):
        original(Y)
        net.db1 *= 2  # a classic bug: forgetting to average the bias gradient

    net.backward = broken
    errors = gradcheck(net, X, Y)
    assert errors["b1"] > 0.1
    assert errors["W1"] < 1e-6


def test_float32_is_refused(tiny):
    X, Y = tiny
    with pytest.raises(ValueError, match="gradcheck needs a float64 model"):
        gradcheck(Network([6, 3], dtype=np.float32), X, Y)
