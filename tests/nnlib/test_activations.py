import numpy as np
import pytest

from nnlib import relu, relu_derivative, sigmoid, sigmoid_derivative, softmax


def test_sigmoid_known_values():
    assert np.isclose(sigmoid(1.0), 0.7310585786300049)
    assert np.isclose(sigmoid(-1.0), 1 - 0.7310585786300049)
    np.testing.assert_allclose(sigmoid(np.array([-2.0, 2.0])), [0.11920292202211755, 0.8807970779778823])


def test_sigmoid_extremes_do_not_overflow():
    # pytest turns warnings into errors: an overflow in np.exp would fail this test.
    out = sigmoid(np.array([-1000.0, -50.0, 50.0, 1000.0]))
    assert out[0] == 0.0 and out[-1] == 1.0
    assert 0 < out[1] < 1e-21 and np.isclose(out[2], 1.0)
    assert sigmoid(np.float32(-1000)).dtype == np.float32


def test_sigmoid_keeps_float32_and_converts_ints():
    assert sigmoid(np.zeros(3, np.float32)).dtype == np.float32
    np.testing.assert_allclose(sigmoid(np.array([0, 1])), [0.5, 0.7310585786300049])


def test_sigmoid_derivative_guide_form():
    assert sigmoid_derivative(0.5) == 0.25
    z = np.linspace(-5, 5, 11)
    numeric = (sigmoid(z + 1e-6) - sigmoid(z - 1e-6)) / 2e-6
    np.testing.assert_allclose(sigmoid_derivative(sigmoid(z)), numeric, rtol=1e-7, atol=1e-10)


def test_relu_and_derivative():
    z = np.array([-2.0, 0.0, 3.0])
    np.testing.assert_array_equal(relu(z), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(relu_derivative(z), [0.0, 0.0, 1.0])
    assert relu_derivative(np.array([1, -1])).dtype == np.float64


def test_softmax_rows_sum_to_one_and_are_stable():
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 1000.0, -1000.0]])
    p = softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0)
    np.testing.assert_allclose(p[0], np.exp([1, 2, 3]) / np.exp([1, 2, 3]).sum())
    np.testing.assert_allclose(p[1], [0.5, 0.5, 0.0])


@pytest.mark.parametrize("shift", [-500.0, 0.0, 700.0])
def test_softmax_is_shift_invariant(shift):
    z = np.array([[0.1, -0.4, 2.0]])
    np.testing.assert_allclose(softmax(z + shift), softmax(z))
