"""nnlib.tools.checks: bad arrays are refused with a message that says what to do."""

import numpy as np
import pytest

from nnlib import GuideNetwork, Network
from nnlib.tools.checks import check_finite, check_same_shape


def test_same_shape_names_both_arrays():
    check_same_shape(np.zeros((2, 3)), np.ones((2, 3)), "a", "b")
    with pytest.raises(ValueError, match=r"output has shape \(2, 2\) but target has shape \(2, 3\)"):
        check_same_shape(np.zeros((2, 2)), np.zeros((2, 3)), "output", "target")


@pytest.mark.parametrize(
    "X, match",
    [
        (np.zeros((3, 10)), r"X has shape \(3, 10\) but the network expects \(n_examples, 784\)"),
        (np.zeros(784), r"single example must still be a row"),
        (np.zeros((3, 28, 28)), r"Flatten 28x28 images"),
    ],
)
def test_wrong_input_shapes(X, match):
    for net in (GuideNetwork(), Network([784, 16, 10])):
        with pytest.raises(ValueError, match=match):
            net.forward(X)


def test_wrong_targets():
    for net in (GuideNetwork(), Network([784, 16, 10])):
        net.forward(np.zeros((4, 784)))
        with pytest.raises(ValueError, match=r"Y has shape \(5, 10\).*4 examples"):
            net.backward(np.zeros((5, 10)))
        with pytest.raises(ValueError, match="one-hot"):
            net.loss(np.zeros(4))


def test_nan_and_infinite_inputs_are_refused_by_name():
    X = np.zeros((6, 784), np.float32)
    X[4, 10], X[2, 3], X[4, 11] = np.nan, np.inf, -np.inf
    for net in (GuideNetwork(), Network([784, 16, 10])):
        with pytest.raises(ValueError, match=r"X contains NaN or infinite values \(3 of them, "
                                             r"first in row 2\).*fix or drop them"):
            net.forward(X)


def test_finite_values_integers_and_large_sums_pass():
    check_finite(np.full((3, 4), np.finfo(np.float32).max, np.float32))  # their sum overflows
    check_finite(np.arange(12).reshape(3, 4))
    with pytest.raises(ValueError, match=r"inputs contains NaN or infinite values \(1 of them"):
        check_finite(np.array([[1.0, np.nan]]), "inputs")
