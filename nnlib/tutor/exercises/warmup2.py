"""Warm-up 2: broadcasting (which additions work, and to what shape)."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare, expect_none, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Warm-up 2: broadcasting.

Z is a (5, 64) array: 5 examples, 64 neurons. What shape is Z + b for b of
shape (1, 64), (64,), (5, 1) and (5,)? And a (5,) array minus a (5, 1) one?

Fill in broadcast_shape, then check your answer:
    python -m nnlib check warmup2.py
"""

import numpy as np


def broadcast_shape(left, right):
    """Return the shape of A + B for A of shape `left` and B of shape
    `right` (tuples), by NumPy's broadcasting rules, without making the
    arrays; None when they do not broadcast.
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python warmup2.py`, not
    # during the check. Compare with NumPy:
    print(broadcast_shape((5, 64), (1, 64)), (np.zeros((5, 64)) + 1).shape)
'''

CASES = [((5, 64), (1, 64)), ((5, 64), (64,)), ((5, 64), (5, 1)), ((5, 64), (5,)),
         ((5,), (5, 1)), ((3, 1, 7), (4, 1)), ((2, 3), (3, 2))]


def probe(learner: Learner) -> None:
    """broadcast_shape on pairs that broadcast and pairs that do not."""
    for n, (left, right) in enumerate(CASES):
        learner.run(f"case{n}", lambda left=left, right=right:
                    learner.fn("broadcast_shape")(left, right))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """Each answer against np.broadcast_shapes."""
    rules = [when(lambda got, expected: True, "broadcast-rules")]
    checks = []
    for n, (left, right) in enumerate(CASES):
        label = f"broadcast_shape({left}, {right})"
        try:
            shape = np.broadcast_shapes(left, right)
        except ValueError:
            checks.append(expect_none(label, outcome(found, f"case{n}"), "they do not broadcast",
                                      "broadcast-rules"))
            continue
        checks.append(compare(label, outcome(found, f"case{n}"), shape, detectors=rules))
    return checks


EXERCISE = Exercise(
    key="warmup2", title="Warm-up 2: broadcasting",
    page="part5/warm-ups.md#warm-up-2-broadcasting",
    names=("broadcast_shape",), starter=STARTER, probe=probe, grade=grade)
