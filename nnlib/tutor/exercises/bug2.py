"""Find the bug 2: an accuracy that is always about 10% (argmax without an axis)."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Find the bug 2: an accuracy that is always about 10%.

Tested on a "perfect" output (a 1 exactly at each label), accuracy should
give 1.0. Run this file, find the line, fix it. Then check your fix:
    python -m nnlib check bug2.py
"""

import numpy as np


def accuracy(output, labels):
    """The fraction of examples whose largest output is their label."""
    guesses = np.argmax(output)
    return np.mean(guesses == labels)


if __name__ == "__main__":
    labels = np.random.default_rng(0).integers(0, 10, 1000)
    perfect = np.eye(10)[labels]  # a 1 exactly at each label
    print(f"accuracy of a perfect output: {accuracy(perfect, labels):.4f}")
'''

RNG = np.random.default_rng(2)
LABELS = RNG.integers(0, 10, 1000)
CASES = {"a perfect output": (np.eye(10)[LABELS], 1.0),
         "an output wrong everywhere": (np.eye(10)[(LABELS + 1) % 10], 0.0),
         "a random output": (RNG.random((1000, 10)), None)}


def probe(learner: Learner) -> None:
    """accuracy on outputs whose answer is known."""
    for n, (output, _) in enumerate(CASES.values()):
        learner.run(f"case{n}", lambda o=output: learner.fn("accuracy")(o.copy(), LABELS.copy()))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """1 for a perfect output, 0 for one wrong everywhere, the right fraction otherwise."""
    checks = []
    for n, (where, (output, answer)) in enumerate(CASES.items()):
        flat = float(np.mean(np.argmax(output) == LABELS))
        no_axis = when(lambda got, _, flat=flat: np.isclose(got, flat), "argmax-axis")
        right = np.mean(output.argmax(axis=1) == LABELS) if answer is None else answer
        checks.append(compare(f"accuracy of {where}", outcome(found, f"case{n}"), float(right),
                              detectors=[no_axis]))
    return checks


EXERCISE = Exercise(
    key="bug2", title="Find the bug 2: an accuracy that is always about 10%",
    page="part5/find-the-bug.md#bug-2-an-accuracy-that-is-always-about-10",
    names=("accuracy",), starter=STARTER, probe=probe, grade=grade)
