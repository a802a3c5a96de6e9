"""nnlib.layers: each layer's forward values, and its backward pass against finite differences."""

import numpy as np
import pytest

from nnlib.layers import Dropout, Linear, ReLU, Sigmoid


def test_linear_forward_and_backward_by_hand():
    layer = Linear(2, 3, np.random.default_rng(0), dtype=np.float64)
    layer.W[...] = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]
    layer.b[...] = [[0.5, 0.0, -0.5]]
    x = np.array([[1.0, 1.0], [0.0, 2.0]])
    np.testing.assert_allclose(layer.forward(x), [[5.5, 7.0, 8.5], [8.5, 10.0, 11.5]])
    grad = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    np.testing.assert_allclose(layer.backward(grad), [[1.0, 4.0], [3.0, 6.0]])
    np.testing.assert_allclose(layer.dW, [[1.0, 0.0, 0.0], [1.0, 0.0, 2.0]])
    np.testing.assert_allclose(layer.db, [[1.0, 0.0, 1.0]])
    assert repr(layer) == "Linear(2, 3)"


def test_first_layer_skips_the_input_gradient():
    layer = Linear(2, 3, np.random.default_rng(0), needs_input_grad=False)
    layer.forward(np.ones((4, 2), np.float32))
    assert layer.backward(np.ones((4, 3), np.float32)) is None
    assert layer.dW.shape == (2, 3)


def make_layer(name):
    rng = np.random.default_rng(3)
    if name == "linear":
        return Linear(4, 3, rng, init="xavier", dtype=np.float64)
    return {"sigmoid": Sigmoid, "relu": ReLU}[name]()


@pytest.mark.parametrize("name", ["linear", "sigmoid", "relu"])
def test_backward_matches_finite_differences(name):
    """backward(g) is the gradient of sum(forward(x) * g) with respect to x."""
    rng = np.random.default_rng(0)
    layer = make_layer(name)
    x = rng.standard_normal((5, 4))
    x[np.abs(x) < 0.01] = 0.5  # keep away from ReLU's kink at 0
    g = rng.standard_normal(layer.forward(x).shape)
    layer.forward(x)
    analytic = layer.backward(g)
    numeric = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[i] = 1e-6
        up = np.sum(layer.forward(x + step) * g)
        down = np.sum(layer.forward(x - step) * g)
        numeric[i] = (up - down) / 2e-6
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_unknown_init_is_refused():
    with pytest.raises(ValueError, match="unknown init 'zeros'; choose one of"):
        Linear(4, 2, np.random.default_rng(0), init="zeros")


def test_dropout_only_in_training_and_keeps_the_expectation():
    dropout = Dropout(0.5, np.random.default_rng(0))
    hidden = np.random.default_rng(1).random((4, 2000)) + 0.5
    assert dropout.forward(hidden) is hidden  # testing: nothing dropped
    dropped = dropout.forward(hidden, training=True)
    assert 0.45 < np.mean(dropped == 0) < 0.55  # about half dropped
    np.testing.assert_allclose(dropped[dropped > 0], 2 * hidden[dropped > 0])  # survivors x 2
    assert np.isclose(dropped.mean(), hidden.mean(), rtol=0.05)
    grad = np.ones_like(hidden)
    np.testing.assert_array_equal(dropout.backward(grad), dropout.mask)


def test_dropout_probability_must_be_below_one():
    with pytest.raises(ValueError, match=r"dropout probability must be in \[0, 1\), got 1.0"):
        Dropout(1.0, np.random.default_rng(0))
