import numpy as np
import pytest

from nnlib import (
    cross_entropy,
    mean_squared_error,
    mse_gradient,
    softmax,
    softmax_cross_entropy,
    softmax_cross_entropy_gradient,
)

OUT = np.array([[0.8, 0.2], [0.4, 0.6]])
TARGET = np.array([[1.0, 0.0], [0.0, 1.0]])


def test_mean_squared_error_by_hand():
    # errors: (-0.2, 0.2) and (0.4, -0.4); squares sum to 0.08 + 0.32 = 0.4; half, over 2 examples
    assert np.isclose(mean_squared_error(OUT, TARGET), 0.1)
    np.testing.assert_allclose(mse_gradient(OUT, TARGET), [[-0.1, 0.1], [0.2, -0.2]])


def test_cross_entropy_by_hand():
    assert np.isclose(cross_entropy(OUT, TARGET), -(np.log(0.8) + np.log(0.6)) / 2)
    # a probability of exactly 0 for the true class costs a lot, but not infinity
    assert np.isfinite(cross_entropy(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0]])))


def test_softmax_cross_entropy_matches_two_step_and_is_stable():
    logits = np.array([[2.0, 1.0, 0.1], [0.5, 2.5, -1.0]])
    target = np.eye(3)[[0, 1]]
    assert np.isclose(softmax_cross_entropy(logits, target), cross_entropy(softmax(logits), target))
    huge = np.array([[1000.0, 0.0, -1000.0]])
    assert np.isclose(softmax_cross_entropy(huge, np.array([[0.0, 1.0, 0.0]])), 1000.0)


def test_softmax_cross_entropy_gradient_against_finite_differences():
    rng = np.random.default_rng(1)
    logits = rng.standard_normal((4, 5))
    target = np.eye(5)[[0, 3, 3, 1]]
    analytic = softmax_cross_entropy_gradient(logits, target)
    numeric = np.zeros_like(logits)
    for i in np.ndindex(logits.shape):
        step = np.zeros_like(logits)
        step[i] = 1e-6
        numeric[i] = (softmax_cross_entropy(logits + step, target) - softmax_cross_entropy(logits - step, target)) / 2e-6
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


@pytest.mark.parametrize(
    "loss", [mean_squared_error, mse_gradient, cross_entropy, softmax_cross_entropy,
             softmax_cross_entropy_gradient])
def test_every_loss_refuses_targets_of_another_shape(loss):
    with pytest.raises(ValueError, match="must match"):
        loss(OUT, np.zeros((2, 3)))
