"""nnlib.init: where the weights start, checked by their shapes, types and spreads."""

import numpy as np
import pytest

from nnlib.init import INITIALIZERS, guide_init, he, xavier


@pytest.mark.parametrize("init", [guide_init, xavier, he])
def test_shape_and_dtype(init):
    W = init(3, 5, np.random.default_rng(0), np.float32)
    assert W.shape == (3, 5) and W.dtype == np.float32


def test_guide_init_is_randn_times_point_one():
    W = guide_init(784, 64, np.random.default_rng(0))
    expected = np.random.default_rng(0).standard_normal((784, 64)) * 0.1
    np.testing.assert_array_equal(W, expected)


def test_he_is_randn_times_sqrt_two_over_fan_in():
    W = he(50, 20, np.random.default_rng(1))
    expected = np.random.default_rng(1).standard_normal((50, 20)) * np.sqrt(2 / 50)
    np.testing.assert_array_equal(W, expected)


def test_xavier_stays_within_its_limit():
    limit = np.sqrt(6 / (300 + 100))
    W = xavier(300, 100, np.random.default_rng(0))
    assert np.abs(W).max() <= limit
    assert abs(W.std() - limit / np.sqrt(3)) < 0.002  # a uniform's spread


def test_registry_names_every_initialisation():
    assert INITIALIZERS == {"guide": guide_init, "xavier": xavier, "he": he}
