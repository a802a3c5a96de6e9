"""Exercise 2: the sigmoid from memory, tried at -10, 0 and 10, and far out."""

from __future__ import annotations

import numpy as np

from nnlib.activations import sigmoid
from nnlib.tutor.compare import compare, no_warnings, warned, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Exercise 2: the sigmoid from memory.

Write the sigmoid function from memory. Test it with inputs -10, 0, 10.
Then make it work at -1000 too, without a warning from NumPy.

Fill in sigmoid, then check your answer:
    python -m nnlib check exercise2.py
"""

import numpy as np


def sigmoid(z):
    """Return 1 / (1 + e^(-z)), element by element.

    z is a number or a NumPy array of any shape; the result has the same
    shape. sigmoid(-1000) must be 0.0 and sigmoid(1000) 1.0, with no
    overflow warning.
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python exercise2.py`, not
    # during the check.
    for z in [-10, 0, 10]:
        print(z, sigmoid(z))
'''

THREE = np.array([-10.0, 0.0, 10.0])
GRID = np.linspace(-6, 6, 15).reshape(5, 3)
FAR = np.array([-1000.0, -40.0, 40.0, 1000.0])


def probe(learner: Learner) -> None:
    """The sigmoid at -10, 0, 10; at 0 as a plain number; on a (5, 3) array; far out."""
    learner.run("three", lambda: learner.fn("sigmoid")(THREE.copy()))
    learner.run("zero", lambda: learner.fn("sigmoid")(0.0))
    learner.run("grid", lambda: learner.fn("sigmoid")(GRID.copy()))
    learner.run("far", lambda: learner.fn("sigmoid")(FAR.copy()))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """Values against nnlib's sigmoid; the shape kept; no overflow far out."""
    # 1 / 1 + np.exp(-z) is 2 at z = 0, where the sigmoid is 0.5
    brackets = [when(lambda got, expected: np.any(np.isclose(got, 2) & (expected == 0.5)),
                     "brackets")]
    return [
        compare("sigmoid at -10, 0 and 10", outcome(found, "three"), sigmoid(THREE),
                detectors=brackets),
        compare("sigmoid(0.0), a plain number", outcome(found, "zero"), 0.5, detectors=brackets),
        compare("sigmoid on a (5, 3) array: same shape, every value", outcome(found, "grid"),
                sigmoid(GRID), detectors=brackets),
        compare("sigmoid at -1000, -40, 40 and 1000", outcome(found, "far"), sigmoid(FAR),
                atol=1e-15),
        no_warnings("no overflow warning at -1000", outcome(found, "far"),
                    detectors=[warned("overflow", "overflow")]),
    ]


EXERCISE = Exercise(
    key="2", title="Exercise 2: the sigmoid from memory",
    page="part5/exercises.md#exercise-2-the-sigmoid-from-memory",
    names=("sigmoid",), starter=STARTER, probe=probe, grade=grade)
