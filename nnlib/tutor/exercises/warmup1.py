"""Warm-up 1: shapes (a batch of images flattened; which products fit)."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises.exercise1 import probe_product_shape, product_shape_checks
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Warm-up 1: shapes.

A batch of 5 digits arrives as an array of shape (5, 28, 28). W1 has shape
(784, 64). Turn the batch into the (5, 784) array X the network needs, one
image per row; then say which products of X, W1 and their transposes work.

Fill in flatten and product_shape, then check your answer:
    python -m nnlib check warmup1.py
"""

import numpy as np


def flatten(images):
    """Return the images, shape (n, 28, 28), as an (n, 784) array: one
    image per row, its pixels in their order.
    """
    ...


def product_shape(left, right):
    """Return the shape of A @ B, where A has shape `left` and B has shape
    `right` (tuples of two sizes); None when the product does not exist.
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python warmup1.py`, not
    # during the check.
    images = np.random.default_rng(0).random((5, 28, 28))
    print(flatten(images).shape, product_shape((5, 784), (784, 64)))
'''

IMAGES = np.random.default_rng(0).random((5, 28, 28))


def probe(learner: Learner) -> None:
    """flatten on 5 and 3 images; product_shape on shapes that fit and do not."""
    learner.run("flat5", lambda: learner.fn("flatten")(IMAGES.copy()))
    learner.run("flat3", lambda: learner.fn("flatten")(IMAGES[:3].copy()))
    probe_product_shape(learner)


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """The rows are the images, pixels in order; the product rule."""
    order = when(lambda got, expected: got.shape == expected.shape, "reshape-order")
    checks = [compare(f"flatten on {n} images: ({n}, 784), one image per row",
                      outcome(found, f"flat{n}"), IMAGES[:n].reshape(n, 784), detectors=[order])
              for n in (5, 3)]
    return checks + product_shape_checks(found)


EXERCISE = Exercise(
    key="warmup1", title="Warm-up 1: shapes", page="part5/warm-ups.md#warm-up-1-shapes",
    names=("flatten", "product_shape"), starter=STARTER, probe=probe, grade=grade)
