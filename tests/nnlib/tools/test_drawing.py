"""nnlib.tools.drawing: a drawing prepared the way MNIST's digits were (the "Draw a digit" page).

The page's JavaScript does the same arithmetic; tests/browser/test_draw.py checks that the two
give the same image for strokes drawn with a simulated mouse.
"""

from __future__ import annotations

import numpy as np
import pytest

from nnlib import load_mnist
from nnlib.tools.drawing import (
    BOX,
    FIELD,
    bounding_box,
    centre_of_mass,
    fit_in_box,
    place_by_centre_of_mass,
    resample_matrix,
    round_half_up,
    shrink,
    to_mnist,
)


def canvas_with(*rectangles, size=280) -> np.ndarray:
    """A blank canvas with solid ink in each ``(top, bottom, left, right)`` rectangle."""
    canvas = np.zeros((size, size))
    for top, bottom, left, right in rectangles:
        canvas[top:bottom, left:right] = 1.0
    return canvas


def test_round_half_up_rounds_halves_up_like_javascript():
    assert [round_half_up(x) for x in (0.5, 1.5, 2.5, 2.49, -0.5, -1.5)] == [1, 2, 3, 2, 0, -1]


def test_bounding_box_of_a_known_stroke():
    ink = canvas_with((40, 240, 130, 150))
    ink[100, 60] = 0.2  # a faint pixel counts as ink too
    assert bounding_box(ink) == (40, 240, 60, 150)
    assert bounding_box(np.zeros((5, 5))) is None


def test_resample_matrix_averages_areas():
    # 3 pixels into 2: each output pixel covers 1.5 input pixels
    assert np.allclose(resample_matrix(3, 2), [[2 / 3, 1 / 3, 0], [0, 1 / 3, 2 / 3]])
    # 10 into 1: the mean; same size: the identity, exactly
    assert np.allclose(resample_matrix(10, 1), np.full((1, 10), 0.1))
    assert np.array_equal(resample_matrix(7, 7), np.eye(7))
    for n_in, n_out in [(280, 20), (200, 20), (37, 20), (5, 20), (1, 3)]:
        matrix = resample_matrix(n_in, n_out)
        assert matrix.shape == (n_out, n_in)
        assert np.allclose(matrix.sum(axis=1), 1.0)  # an average: a solid area stays solid
        assert np.allclose(matrix.sum(axis=0), n_out / n_in)  # every input pixel counted once


def test_fit_in_box_keeps_the_aspect_ratio():
    tall = fit_in_box(canvas_with((40, 240, 130, 150)))  # 200 x 20: a "1"
    assert tall.shape == (20, 2) and np.allclose(tall, 1.0)
    wide = fit_in_box(canvas_with((100, 150, 30, 130)))  # 50 x 100
    assert wide.shape == (10, 20) and np.allclose(wide, 1.0)
    small = fit_in_box(canvas_with((0, 5, 0, 4)))  # smaller than the box: scaled up
    assert small.shape == (20, 16) and np.allclose(small, 1.0)
    assert fit_in_box(np.zeros((9, 9))).shape == (0, 0)


def test_fit_in_box_anti_aliases_the_edges():
    # 30 x 15 pixels: scale 2/3, so the 15 columns become 10 and the ink's half-covered
    # border column becomes grey
    ink = canvas_with((0, 30, 0, 15), size=40)
    ink[:30, 14] = 0.0
    ink[0, 14] = 1.0  # keep the bounding box 15 wide; column 14 is almost empty
    digit = fit_in_box(ink)
    assert digit.shape == (20, 10)
    assert np.allclose(digit[:, :9], 1.0)
    assert 0.0 < digit[5, 9] < 1.0  # a grey edge, neither ink nor paper


def test_centre_of_mass():
    image = np.zeros((10, 10))
    image[3, 7] = 1.0
    assert centre_of_mass(image) == (3.0, 7.0)
    image[5, 1] = 3.0  # three times the ink, three times the pull
    assert centre_of_mass(image) == (4.5, 2.5)
    with pytest.raises(ValueError, match="no centre of mass"):
        centre_of_mass(np.zeros((3, 3)))


def test_place_by_centre_of_mass_puts_it_within_half_a_pixel_of_14():
    for height, width in [(20, 2), (20, 13), (7, 20), (20, 20)]:
        rng = np.random.default_rng(height * 100 + width)
        digit = rng.random((height, width))
        placed = place_by_centre_of_mass(digit)
        assert placed.shape == (FIELD, FIELD)
        assert np.isclose(placed.sum(), digit.sum())  # nothing cut off
        row, col = centre_of_mass(placed)
        assert 13.5 <= row < 14.5 and 13.5 <= col < 14.5


def test_place_by_centre_of_mass_cuts_off_what_falls_outside():
    digit = np.zeros((20, 20))
    digit[0, 0] = 1.0  # almost all the mass in one corner: the rest lands outside the field
    digit[19, 19] = 0.01
    placed = place_by_centre_of_mass(digit)
    assert placed[14, 14] == 1.0 and placed.sum() == 1.0


def test_a_known_stroke_gives_the_expected_box_and_centre():
    image = to_mnist(canvas_with((40, 240, 130, 150)))  # a "1", 200 x 20 on the canvas
    assert image.shape == (28, 28)
    assert bounding_box(image) == (4, 24, 13, 15)  # 20 tall, 2 wide
    assert centre_of_mass(image) == (13.5, 13.5)
    assert np.allclose(image[4:24, 13:15], 1.0) and image.sum() == pytest.approx(40.0)


def test_where_and_how_big_the_digit_was_drawn_does_not_matter():
    # the same "L" drawn small in a corner and drawn large in the middle
    small = canvas_with((10, 60, 200, 205), (55, 60, 200, 230))
    large = canvas_with((40, 240, 60, 80), (220, 240, 60, 180))
    assert np.allclose(to_mnist(small), to_mnist(large))
    # without the preprocessing, the two are nothing alike
    assert bounding_box(shrink(small)) == (1, 6, 20, 23)
    assert bounding_box(shrink(large)) == (4, 24, 6, 18)


def test_blank_and_bad_drawings():
    assert np.array_equal(to_mnist(np.zeros((280, 280))), np.zeros((28, 28)))
    assert to_mnist(np.full((50, 50), 7.0)).max() == 1.0  # ink beyond 1 is clipped
    with pytest.raises(ValueError, match="2-D"):
        to_mnist(np.zeros(784))


def test_shrink_averages_the_whole_canvas():
    ink = canvas_with((0, 10, 0, 10), (270, 280, 265, 275))
    image = shrink(ink)
    assert image.shape == (28, 28)
    assert image[0, 0] == pytest.approx(1.0) and image[27, 26] == pytest.approx(0.5)
    assert image[27, 27] == pytest.approx(0.5) and image.sum() == pytest.approx(2.0)


def test_real_mnist_digits_come_through_unchanged():
    """MNIST's digits are already prepared: preparing them again changes nothing.

    The exceptions are the few digits whose ink reaches the edge of the field (MNIST cut
    them off there, so their box is less than 20 pixels on every side and gets rescaled).
    """
    _, _, X_test, _ = load_mnist(flatten=False, dtype=np.float64)
    digits = X_test[::4]  # 2,500 of the 10,000, to keep the test quick
    unchanged = [np.array_equal(to_mnist(digit), digit) for digit in digits]
    for digit, same in zip(digits, unchanged):
        top, bottom, left, right = bounding_box(digit)
        touches_edge = top == 0 or left == 0 or bottom == FIELD or right == FIELD
        if max(bottom - top, right - left) == BOX and not touches_edge:
            assert same
    assert sum(unchanged) >= 2490  # measured: all but 3 of the 10,000 test digits
