"""The guide's network and the general network: shapes, errors, and backprop vs finite differences."""

import numpy as np
import pytest

from nnlib import GuideNetwork, Network, gradcheck, one_hot
from nnlib.gradcheck import relative_error

RNG = np.random.default_rng(42)
X_SMALL = RNG.random((5, 6))
Y_SMALL = one_hot(np.array([0, 1, 2, 1, 0]), 3, dtype=np.float64)


def test_guide_network_shapes_and_names():
    net = GuideNetwork()
    assert net.W1.shape == (784, 64) and net.b1.shape == (1, 64)
    assert net.W2.shape == (64, 10) and net.b2.shape == (1, 10)
    out = net.forward(np.zeros((3, 784)))
    assert out.shape == (3, 10) and net.hidden.shape == (3, 64)
    # zero input, zero biases: every hidden unit is sigmoid(0) = 0.5
    np.testing.assert_allclose(net.hidden, 0.5)
    net.backward(np.eye(10)[[1, 2, 3]])
    assert net.d_output.shape == (3, 10) and net.d_hidden.shape == (3, 64)
    assert {k: v.shape for k, v in net.grads.items()} == {k: v.shape for k, v in net.params.items()}
    assert repr(net) == "GuideNetwork(784-64-10, sigmoid, float64)"


def test_guide_init_scale_is_point_one():
    net = GuideNetwork(rng=0)
    assert abs(net.W1.std() - 0.1) < 0.002 and np.all(net.b1 == 0)


def test_guide_gradients_average_over_actual_batch_size():
    """The guide's erratum: a batch of 32 must be averaged over 32, not 64."""
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=1)
    X = np.tile(X_SMALL[:1], (32, 1))  # 32 copies of one example ...
    net.forward(X)
    net.backward(np.tile(Y_SMALL[:1], (32, 1)))
    batch_grads = {k: v.copy() for k, v in net.grads.items()}
    net.forward(X_SMALL[:1])  # ... give the same average gradient as the example alone
    net.backward(Y_SMALL[:1])
    for name, g in net.grads.items():
        np.testing.assert_allclose(batch_grads[name], g, rtol=1e-12)


def test_guide_update_is_plain_gradient_descent():
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=1)
    before = {k: v.copy() for k, v in net.params.items()}
    net.forward(X_SMALL)
    net.backward(Y_SMALL)
    net.update(0.5)
    for name, w in net.params.items():
        np.testing.assert_allclose(w, before[name] - 0.5 * net.grads[name])


def test_gradcheck_guide_network():
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=3)
    errors = gradcheck(net, X_SMALL, Y_SMALL)
    assert set(errors) == {"W1", "b1", "W2", "b2"}
    assert max(errors.values()) < 1e-6, errors


@pytest.mark.parametrize("activation", ["sigmoid", "relu"])
@pytest.mark.parametrize("output", ["sigmoid", "softmax"])
@pytest.mark.parametrize("l2", [0.0, 0.01])
def test_gradcheck_every_combination(activation, output, l2):
    net = Network([6, 5, 4, 3], activation=activation, output=output, init="xavier",
                  rng=7, dtype=np.float64, l2=l2)
    errors = gradcheck(net, X_SMALL, Y_SMALL)
    assert set(errors) == {"W1", "b1", "W2", "b2", "W3", "b3"}
    assert max(errors.values()) < 1e-6, errors


def test_gradcheck_catches_a_broken_backward_pass():
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=3)
    original = net.backward

    def broken(Y):
        original(Y)
        net.db1 *= 2  # a classic bug: forgetting to average the bias gradient

    net.backward = broken
    errors = gradcheck(net, X_SMALL, Y_SMALL)
    assert errors["b1"] > 0.1
    assert errors["W1"] < 1e-6


def test_gradcheck_refuses_float32():
    with pytest.raises(ValueError, match="float64"):
        gradcheck(Network([6, 3], dtype=np.float32), X_SMALL, Y_SMALL)


def test_relative_error():
    assert relative_error(np.ones(3), np.ones(3)) == 0.0
    assert np.isclose(relative_error(np.array([1.0]), np.array([-1.0])), 1.0)


def test_network_same_as_guide_network_with_same_settings():
    guide = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=5)
    general = Network([6, 4, 3], activation="sigmoid", output="sigmoid", init="guide", rng=5, dtype=np.float64)
    for name in guide.params:
        np.testing.assert_array_equal(guide.params[name], general.params[name])
    np.testing.assert_allclose(general.forward(X_SMALL), guide.forward(X_SMALL))
    assert np.isclose(general.loss(Y_SMALL), guide.loss(Y_SMALL))
    general.backward(Y_SMALL)
    guide.backward(Y_SMALL)
    for name in guide.grads:
        np.testing.assert_allclose(general.grads[name], guide.grads[name], rtol=1e-12)


def test_network_shapes_dtype_and_repr():
    net = Network([784, 128, 64, 10])
    out = net.forward(np.zeros((7, 784)))
    assert out.shape == (7, 10) and out.dtype == np.float32
    np.testing.assert_allclose(out.sum(axis=1), 1.0, rtol=1e-6)
    assert [w.shape for w in net.params.values()] == [(784, 128), (1, 128), (128, 64), (1, 64), (64, 10), (1, 10)]
    assert repr(net) == "Network(784-128-64-10, relu, softmax, float32)"
    assert net.predict(np.zeros((3, 784))).shape == (3,)


def test_he_initialisation_scale():
    net = Network([784, 256, 10], init="he", rng=0)
    assert abs(net.params["W1"].std() - np.sqrt(2 / 784)) < 0.002


def test_dropout_only_in_training_and_keeps_expectation():
    net = Network([100, 2000, 10], dropout=0.5, rng=0, dtype=np.float64)
    X = np.random.default_rng(0).random((4, 100))
    np.testing.assert_array_equal(net.forward(X), net.forward(X))  # deterministic at test time
    dropout = net.layers[2]
    hidden = net.layers[1].forward(net.layers[0].forward(X))
    dropped = dropout.forward(hidden, training=True)
    kept = dropped[hidden > 0]
    assert 0.45 < np.mean(kept == 0) < 0.55  # about half of the active units dropped
    assert np.isclose(dropped.mean(), hidden.mean(), rtol=0.05)  # survivors scaled by 2


@pytest.mark.parametrize(
    "X, match",
    [
        (np.zeros((3, 10)), r"X has shape \(3, 10\) but the network expects \(n_examples, 784\)"),
        (np.zeros(784), r"single example must still be a row"),
        (np.zeros((3, 28, 28)), r"Flatten 28x28 images"),
    ],
)
def test_wrong_input_shapes_raise_value_error(X, match):
    for net in (GuideNetwork(), Network([784, 16, 10])):
        with pytest.raises(ValueError, match=match):
            net.forward(X)


def test_mismatched_targets_raise_value_error_with_shapes():
    for net in (GuideNetwork(), Network([784, 16, 10])):
        net.forward(np.zeros((4, 784)))
        with pytest.raises(ValueError, match=r"Y has shape \(5, 10\).*4 examples"):
            net.backward(np.zeros((5, 10)))
        with pytest.raises(ValueError, match="one-hot"):
            net.loss(np.zeros(4))


def test_bad_network_settings():
    with pytest.raises(ValueError, match="unknown activation 'tanh'"):
        Network([4, 2], activation="tanh")
    with pytest.raises(ValueError, match="unknown init"):
        Network([4, 2], init="zeros")
    with pytest.raises(ValueError, match="at least an input and an output"):
        Network([4])
    with pytest.raises(ValueError, match="dropout probability"):
        Network([4, 3, 2], dropout=1.0)
