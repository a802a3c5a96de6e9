"""Warm-up 3: axes (argmax, mean and sum along the right one)."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises.common import argmax_axis
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Warm-up 3: axes.

A network's output for n examples is an (n, 10) array, a score for each
digit. Compute the guesses, the accuracy, and the sum over the batch.

Fill in the three functions, then check your answer:
    python -m nnlib check warmup3.py
"""

import numpy as np


def guesses(output):
    """Return the guess for each example, shape (n,): the digit with the
    highest score in its row.
    """
    ...


def accuracy(output, labels):
    """Return the fraction of examples whose guess equals its label (a
    number between 0 and 1); labels has shape (n,).
    """
    ...


def batch_sum(output):
    """Return output added up over the batch, kept a 2-D row: (1, 10)."""
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python warmup3.py`, not
    # during the check.
    rng = np.random.default_rng(1)
    output = rng.random((5, 10)).round(2)
    print(guesses(output), accuracy(output, np.array([1, 3, 8, 5, 7])))
'''

OUTPUT = np.random.default_rng(1).random((5, 10)).round(2)
LABELS = np.array([1, 3, 8, 5, 7])
OUTPUT7 = np.random.default_rng(7).random((7, 10))
LABELS7 = np.array([0, 1, 2, 3, 4, 5, 6])


def probe(learner: Learner) -> None:
    """The three functions on the page's (5, 10) output and on a (7, 10) one."""
    for name, output, labels in [("page", OUTPUT, LABELS), ("seven", OUTPUT7, LABELS7)]:
        learner.run(f"guesses.{name}", lambda o=output: learner.fn("guesses")(o.copy()))
        learner.run(f"accuracy.{name}", lambda o=output, y=labels:
                    learner.fn("accuracy")(o.copy(), y.copy()))
        learner.run(f"sum.{name}", lambda o=output: learner.fn("batch_sum")(o.copy()))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """Guesses along axis 1, their mean, and a (1, 10) sum."""
    keepdims = when(lambda got, expected: got.shape == expected.shape[1:], "keepdims")
    wrong_axis = when(lambda got, expected: True, "argmax-axis")
    checks = []
    for name, output, labels in [("page", OUTPUT, LABELS), ("seven", OUTPUT7, LABELS7)]:
        n = len(output)
        right = output.argmax(axis=1)
        checks += [
            compare(f"guesses on a ({n}, 10) output", outcome(found, f"guesses.{name}"), right,
                    detectors=[argmax_axis]),
            compare(f"accuracy on a ({n}, 10) output", outcome(found, f"accuracy.{name}"),
                    np.mean(right == labels), detectors=[wrong_axis]),
            compare(f"batch_sum on a ({n}, 10) output", outcome(found, f"sum.{name}"),
                    output.sum(axis=0, keepdims=True), detectors=[keepdims]),
        ]
    return checks


EXERCISE = Exercise(
    key="warmup3", title="Warm-up 3: axes", page="part5/warm-ups.md#warm-up-3-axes",
    names=("guesses", "accuracy", "batch_sum"), starter=STARTER, probe=probe, grade=grade)
