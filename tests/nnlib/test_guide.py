"""nnlib.guide: the original guide's own network, as Part 3 builds it."""

import numpy as np

from nnlib import GuideNetwork, one_hot
from nnlib.guide import (
    batch_gradients_one_example_at_a_time,
    train_one_example_at_a_time,
)


def test_shapes_names_and_repr():
    net = GuideNetwork()
    assert net.W1.shape == (784, 64) and net.b1.shape == (1, 64)
    assert net.W2.shape == (64, 10) and net.b2.shape == (1, 10)
    out = net.forward(np.zeros((3, 784)))
    assert out.shape == (3, 10) and net.hidden.shape == (3, 64)
    # zero input, zero biases: every hidden unit is sigmoid(0) = 0.5
    np.testing.assert_allclose(net.hidden, 0.5)
    net.backward(np.eye(10)[[1, 2, 3]])
    assert net.d_output.shape == (3, 10) and net.d_hidden.shape == (3, 64)
    shapes = {name: g.shape for name, g in net.grads.items()}
    assert shapes == {name: w.shape for name, w in net.params.items()}
    assert repr(net) == "GuideNetwork(784-64-10, sigmoid, float64)"


def test_gradients_average_over_the_actual_batch_size(tiny):
    """The guide's erratum: a batch of 32 must be averaged over 32, not 64."""
    X, Y = tiny
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=1)
    net.forward(np.tile(X[:1], (32, 1)))  # 32 copies of one example ...
    net.backward(np.tile(Y[:1], (32, 1)))
    batch_grads = {name: g.copy() for name, g in net.grads.items()}
    net.forward(X[:1])  # ... give the same average gradient as the example alone
    net.backward(Y[:1])
    for name, g in net.grads.items():
        np.testing.assert_allclose(batch_grads[name], g, rtol=1e-12)


def test_update_is_plain_gradient_descent(tiny):
    X, Y = tiny
    net = GuideNetwork(n_inputs=6, n_hidden=4, n_outputs=3, rng=1)
    before = {name: w.copy() for name, w in net.params.items()}
    net.forward(X)
    net.backward(Y)
    net.update(0.5)
    for name, w in net.params.items():
        np.testing.assert_allclose(w, before[name] - 0.5 * net.grads[name])


def test_predict_is_the_largest_output():
    net = GuideNetwork(n_inputs=2, n_hidden=2, n_outputs=3, rng=0)
    X = np.array([[0.0, 1.0], [1.0, 0.0]])
    np.testing.assert_array_equal(net.predict(X), net.forward(X).argmax(axis=1))


def test_gradients_are_zeros_before_the_first_backward():
    net = GuideNetwork(n_inputs=3, n_hidden=2, n_outputs=2)
    assert {name: g.shape for name, g in net.grads.items()} == {
        "W1": (3, 2), "b1": (1, 2), "W2": (2, 2), "b2": (1, 2)}
    assert all(not g.any() for g in net.grads.values())


def test_one_example_at_a_time_gives_the_batch_gradients():
    rng = np.random.default_rng(0)
    X = rng.random((20, 784))
    Y = one_hot(rng.integers(0, 10, 20), dtype=np.float64)
    net = GuideNetwork(rng=0)
    loop = batch_gradients_one_example_at_a_time(net, X, Y)
    net.forward(X)
    net.backward(Y)
    for name, grad in net.grads.items():
        np.testing.assert_allclose(loop[name], grad, rtol=1e-10, atol=1e-15)


def test_one_example_at_a_time_trains_as_the_batches_do():
    rng = np.random.default_rng(1)
    X = rng.random((150, 784))  # two full batches of 64 and one of 22
    Y = one_hot(rng.integers(0, 10, 150), dtype=np.float64)
    looped, batched = GuideNetwork(rng=0), GuideNetwork(rng=0)
    train_one_example_at_a_time(looped, X, Y, batch_size=64, learning_rate=0.5)
    for first in range(0, 150, 64):
        batched.forward(X[first : first + 64])
        batched.backward(Y[first : first + 64])
        batched.update(0.5)
    for name in batched.params:
        np.testing.assert_allclose(looped.params[name], batched.params[name],
                                   rtol=1e-10, atol=1e-13)
