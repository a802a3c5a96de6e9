"""Exercise 1: the shape of a product (the original guide's first exercise)."""

from __future__ import annotations

from nnlib.tutor.compare import compare, expect_none, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Exercise 1: the shape of a product.

Create a NumPy array of shape (5, 3), multiply it by a (3, 2) matrix.
What shape is the result?

Fill in ANSWER and product_shape, then check your answer:
    python -m nnlib check exercise1.py
"""

import numpy as np

# Your answer, worked out on paper: the shape of a (5, 3) array times
# a (3, 2) matrix, as a tuple of two numbers.
ANSWER = None


def product_shape(left, right):
    """Return the shape of A @ B, where A has shape `left` and B has shape
    `right` (each a tuple of two sizes), as a tuple of two sizes.

    Return None when the product does not exist.
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python exercise1.py`, not
    # during the check. Compare with what NumPy does:
    A = np.zeros((5, 3))
    B = np.zeros((3, 2))
    print(product_shape(A.shape, B.shape), (A @ B).shape)
'''

# (left, right, the shape of left @ right or None)
CASES = [((5, 3), (3, 2), (5, 2)), ((784, 64), (64, 10), (784, 10)),
         ((64, 784), (784, 5), (64, 5)), ((3, 2), (5, 3), None), ((5, 784), (64, 784), None)]


def probe_product_shape(learner: Learner) -> None:
    """Call the learner's product_shape on every case (Exercise 1 and Warm-up 1 share it)."""
    for n, (left, right, _) in enumerate(CASES):
        learner.run(f"shape{n}", lambda left=left, right=right:
                    learner.fn("product_shape")(left, right))


def product_shape_checks(found: dict[str, Outcome]) -> list[Check]:
    """product_shape follows (m, n) @ (n, p) -> (m, p), and gives None where n differs."""
    rule = [when(lambda got, expected: True, "inner-sizes")]
    checks = []
    for n, (left, right, shape) in enumerate(CASES):
        label = f"product_shape({left}, {right})"
        if shape is None:
            checks.append(expect_none(label, outcome(found, f"shape{n}"),
                                      f"the inner sizes {left[1]} and {right[0]} differ",
                                      "inner-sizes"))
        else:
            checks.append(compare(label, outcome(found, f"shape{n}"), shape, detectors=rule))
    return checks


def probe(learner: Learner) -> None:
    """Read ANSWER; call product_shape on shapes that fit and shapes that do not."""
    learner.run("ANSWER", lambda: learner.get("ANSWER"))
    probe_product_shape(learner)


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """ANSWER is (5, 2); product_shape follows (m, n) @ (n, p) -> (m, p)."""
    rule = [when(lambda got, expected: True, "inner-sizes")]
    return [compare("ANSWER: the shape of (5, 3) @ (3, 2)", outcome(found, "ANSWER"),
                    (5, 2), detectors=rule)] + product_shape_checks(found)


EXERCISE = Exercise(
    key="1", title="Exercise 1: the shape of a product",
    page="part5/exercises.md#exercise-1-the-shape-of-a-product",
    names=("ANSWER", "product_shape"), starter=STARTER, probe=probe, grade=grade)
