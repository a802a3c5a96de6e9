"""nnlib.network: the general network, checked against the original guide's and by finite differences."""

import numpy as np
import pytest

from nnlib import GuideNetwork, Network, gradcheck


def test_same_as_the_guide_network_with_the_same_settings(tiny):
    X, Y = tiny
    guide = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=5)
    general = Network([6, 4, 3], activation="sigmoid", output="sigmoid", init="guide",
                      rng=5, dtype=np.float64)
    for name in guide.params:
        np.testing.assert_array_equal(guide.params[name], general.params[name])
    np.testing.assert_allclose(general.forward(X), guide.forward(X))
    assert np.isclose(general.loss(Y), guide.loss(Y))
    general.backward(Y)
    guide.backward(Y)
    for name in guide.grads:
        np.testing.assert_allclose(general.grads[name], guide.grads[name], rtol=1e-12)


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_backward_matches_finite_differences_for_every_combination(tiny, activation, output, l2):
    X, Y = tiny
    net = Network([6, 5, 4, 3], activation=activation, output=output, init="xavier",
                  rng=7, dtype=np.float64, l2=l2)
    errors = gradcheck(net, X, Y)
    assert set(errors) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert max(errors.values()) < 1e-6, errors


def test_l2_adds_half_lambda_times_the_squared_weights(tiny):
    X, Y = tiny
    plain = Network([6, 3], rng=0, dtype=np.float64)
    penalised = Network([6, 3], rng=0, dtype=np.float64, l2=0.1)
    plain.forward(X)
    penalised.forward(X)
    expected = plain.loss(Y) + 0.05 * np.sum(plain.params["W1"] ** 2)
    assert penalised.loss(Y) == pytest.approx(expected)


def test_shapes_dtype_and_repr():
    net = Network([784, 128, 64, 10])
    out = net.forward(np.zeros((7, 784)))
    assert out.shape == (7, 10) and out.dtype == np.float32
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-6)
    assert [w.shape for w in net.params.values()] == [
        (784, 128), (1, 128), (128, 64), (1, 64), (64, 10), (1, 10)]
    assert repr(net) == "Network(784-128-64-10, relu, softmax, float32)"
    assert net.predict(np.zeros((3, 784))).shape == (3,)


def test_dropout_sits_after_each_hidden_activation_and_rests_at_test_time():
    net = Network([10, 8, 6, 2], dropout=0.5, rng=0, dtype=np.float64)
    assert [type(layer).__name__ for layer in net.layers] == [
        "Linear", "ReLU", "Dropout", "Linear", "ReLU", "Dropout", "Linear"]
    X = np.random.default_rng(0).random((4, 10))
    np.testing.assert_array_equal(net.forward(X), net.forward(X))
    assert repr(net) == "Network(10-8-6-2, relu, softmax, float64, dropout=0.5)"


@pytest.mark.parametrize(
    "settings, message",
    [
        ({"sizes": [4, 2], "activation": "tanh"}, "unknown activation 'tanh'"),
        ({"sizes": [4, 2], "output": "linear"}, "unknown output 'linear'"),
        ({"sizes": [4]}, "at least an input and an output"),
        ({"sizes": [4, 0, 2]}, r"all >= 1; got \[4, 0, 2\]\. Give one size per layer"),
        ({"sizes": [4, 3, 2], "dropout": 1.0}, r"dropout must be in \[0, 1\), got 1.0"),
        ({"sizes": [4, 3, 2], "dropout": -0.1}, r"dropout must be in \[0, 1\), got -0.1"),
        ({"sizes": [4, 2], "l2": -1e-4}, "l2 must be a finite number >= 0, got -0.0001"),
        ({"sizes": [4, 2], "l2": float("nan")}, "l2 must be a finite number >= 0, got nan"),
    ],
)
def test_bad_settings_are_refused(settings, message):
    with pytest.raises(ValueError, match=message):
        Network(**settings)
