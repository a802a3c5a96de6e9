"""Turn a drawing into an MNIST digit: the preprocessing the "Draw a digit" page does.

The network only ever saw digits prepared in one particular way, so a drawing must be
prepared the same way before the network can read it. MNIST's digits were made like this
(LeCun, Cortes and Burges, "The MNIST database"):

1. the black-and-white scan of one digit was cut to its **bounding box**,
2. scaled so that it **fits a 20 x 20 box**, keeping its aspect ratio, with
   **anti-aliasing** (that is where the grey edge pixels come from),
3. placed in a **28 x 28 field** so that its **centre of mass** falls on the field's
   centre pixel, (14, 14): within half a pixel of it, by a shift of whole pixels.

So every MNIST digit is about 20 pixels tall (a "1" is 20 tall and a few wide), and its ink
is balanced around pixel (14, 14). A digit drawn small in a corner of a canvas looks nothing
like that until it goes through the same three steps: :func:`to_mnist` does them.

The page's JavaScript (``docs/javascripts/draw.js``) does the same arithmetic, and the
browser tests check that both give the same 28 x 28 image. Ink images are 2-D float arrays,
0 for background and 1 for full ink; sizes are ``(rows, columns)``.
"""

from __future__ import annotations

# --8<-- [start:drawing]
import math

# --8<-- [start:numpy]
import numpy as np
# --8<-- [end:numpy]

FIELD = 28  # an MNIST image is FIELD x FIELD pixels
BOX = 20  # the digit itself fits in BOX x BOX pixels
CENTRE = 14  # the pixel the centre of mass lands on (row and column)


def round_half_up(x: float) -> int:
    """Round to the nearest integer, halves up (as JavaScript's ``Math.round``).

    Python's ``round`` rounds halves to the even number (``round(2.5) == 2``);
    the page's JavaScript rounds them up. One rule on both sides keeps the two
    images identical.
    """
    return math.floor(x + 0.5)


def bounding_box(ink: np.ndarray) -> tuple[int, int, int, int] | None:
    """The smallest rectangle around the ink: ``(top, bottom, left, right)``.

    ``bottom`` and ``right`` are exclusive, so ``ink[top:bottom, left:right]``
    is the digit. Returns ``None`` when there is no ink at all.
    """
    ink = np.asarray(ink)
    rows = np.flatnonzero((ink > 0).any(axis=1))
    cols = np.flatnonzero((ink > 0).any(axis=0))
    if rows.size == 0:
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def resample_matrix(n_in: int, n_out: int) -> np.ndarray:
    """The (n_out, n_in) matrix that resizes one axis by averaging areas.

    Output pixel ``i`` covers the stretch ``[i * f, (i + 1) * f)`` of the input,
    with ``f = n_in / n_out`` input pixels per output pixel. Its value is the
    average of the input over that stretch: each input pixel ``j`` (the stretch
    ``[j, j + 1)``) counts in proportion to how much of it lies inside.
    Shrinking 10 ink pixels and 10 blank ones into one output pixel gives 0.5:
    a grey edge, not a jagged one (anti-aliasing). Each row sums to 1.
    """
    f = n_in / n_out
    matrix = np.zeros((n_out, n_in))
    for i in range(n_out):
        start, end = i * f, (i + 1) * f
        for j in range(math.floor(start), min(math.ceil(end), n_in)):
            overlap = min(j + 1, end) - max(j, start)
            if overlap > 0:
                matrix[i, j] = overlap / f
    return matrix


def fit_in_box(ink: np.ndarray, box: int = BOX) -> np.ndarray:
    """Cut ``ink`` to its bounding box, scaled so its longer side is ``box``.

    The aspect ratio is kept: a tall, thin "1" stays tall and thin. Both axes
    get the same scale factor; each size is rounded to whole pixels (at least
    1). An image without ink gives an empty (0, 0) array.
    """
    ink = np.asarray(ink, dtype=np.float64)
    found = bounding_box(ink)
    if found is None:
        return np.zeros((0, 0))
    top, bottom, left, right = found
    digit = ink[top:bottom, left:right]
    height, width = digit.shape
    scale = box / max(height, width)
    new_height = max(1, round_half_up(height * scale))
    new_width = max(1, round_half_up(width * scale))
    rows = resample_matrix(height, new_height)  # (new_height, height)
    cols = resample_matrix(width, new_width)  # (new_width, width)
    return rows @ digit @ cols.T  # rows first, then columns


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    """The ink-weighted mean ``(row, column)`` of ``image``, in pixels."""
    image = np.asarray(image, dtype=np.float64)
    total = image.sum()
    if total <= 0:
        raise ValueError("an image without ink has no centre of mass")
    rows = np.arange(image.shape[0]) @ image.sum(axis=1) / total
    cols = np.arange(image.shape[1]) @ image.sum(axis=0) / total
    return float(rows), float(cols)


def place_by_centre_of_mass(
    digit: np.ndarray, field: int = FIELD, centre: int = CENTRE
) -> np.ndarray:
    """Paste ``digit`` into a blank field, its centre of mass on ``centre``.

    The field is ``field x field`` pixels. The shift is a whole number of pixels
    (MNIST's digits are not resampled a second time), chosen as in MNIST: the
    centre of mass ends up at least ``centre - 0.5`` and less than
    ``centre + 0.5`` (every MNIST digit's is in [13.5, 14.5) on both axes). Ink
    that would fall outside the field is cut off.
    """
    row, col = centre_of_mass(digit)
    # the whole number with centre - 0.5 <= top + row < centre + 0.5
    top = math.ceil(centre - 0.5 - row)
    left = math.ceil(centre - 0.5 - col)
    out = np.zeros((field, field))
    height, width = digit.shape
    # the part of the digit that lands inside the field
    r0, r1 = max(0, -top), min(height, field - top)
    c0, c1 = max(0, -left), min(width, field - left)
    if r0 < r1 and c0 < c1:
        out[top + r0 : top + r1, left + c0 : left + c1] = digit[r0:r1, c0:c1]
    return out


def to_mnist(ink: np.ndarray) -> np.ndarray:
    """Prepare a drawing as MNIST's digits were prepared: a (28, 28) image.

    ``ink`` is a 2-D array of any size (the page's canvas is 280 x 280), 0 where
    nothing is drawn and up to 1 where the stroke is solid. The result is in
    [0, 1] and, flattened with ``.reshape(1, 784)``, is what the network reads.
    A blank drawing gives zeros.

    >>> stroke = np.zeros((280, 280)); stroke[40:240, 130:150] = 1.0  # a "1"
    >>> image = to_mnist(stroke)
    >>> image.shape, bounding_box(image)
    ((28, 28), (4, 24, 13, 15))
    """
    ink = np.asarray(ink, dtype=np.float64)
    if ink.ndim != 2:
        raise ValueError(f"expected a 2-D ink image, got shape {ink.shape}")
    digit = fit_in_box(np.clip(ink, 0.0, 1.0))
    if digit.size == 0:
        return np.zeros((FIELD, FIELD))
    return place_by_centre_of_mass(digit)
# --8<-- [end:drawing]


def shrink(ink: np.ndarray, size: int = FIELD) -> np.ndarray:
    """The drawing averaged down to ``size x size`` as it is: what *not* preprocessing gives.

    The page offers it to show why :func:`to_mnist` matters: a digit drawn small or off
    centre stays small or off centre, in pixels the network never saw ink in.
    """
    ink = np.clip(np.asarray(ink, dtype=np.float64), 0.0, 1.0)
    return resample_matrix(ink.shape[0], size) @ ink @ resample_matrix(ink.shape[1], size).T
