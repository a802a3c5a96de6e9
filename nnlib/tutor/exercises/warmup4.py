"""Warm-up 4: the sigmoid's slope, a * (1 - a), from the sigmoid's output."""

from __future__ import annotations

import numpy as np

from nnlib.activations import sigmoid
from nnlib.tutor.compare import compare, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Warm-up 4: the sigmoid's slope.

Write sigmoid(z) and sigmoid_derivative(a), where a is the sigmoid's
OUTPUT. The original guide: a = 0.5 gives 0.25, a = 0.99 gives 0.0099.

Fill in both functions, then check your answer:
    python -m nnlib check warmup4.py
"""

import numpy as np


def sigmoid(z):
    """Return 1 / (1 + e^(-z)), element by element (z: number or array)."""
    ...


def sigmoid_derivative(a):
    """Return the sigmoid's slope, given its output a = sigmoid(z)
    (a number or an array, values between 0 and 1).
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python warmup4.py`, not
    # during the check.
    print(sigmoid_derivative(0.5), sigmoid_derivative(0.99))
'''

A = np.array([0.5, 0.99, 0.7, 0.1])
Z = np.linspace(-6, 6, 25)
H = 1e-5


def probe(learner: Learner) -> None:
    """The slope at chosen outputs a; the learner's slope against a central difference of
    their own sigmoid."""
    learner.run("slope", lambda: learner.fn("sigmoid_derivative")(A.copy()))
    learner.run("sigmoid", lambda: learner.fn("sigmoid")(Z.copy()))
    sig = learner.fn("sigmoid") if "sigmoid" in learner.names else None
    if sig is not None:
        learner.run("numerical", lambda: (sig(Z + H) - sig(Z - H)) / (2 * H))
        learner.run("chain", lambda: learner.fn("sigmoid_derivative")(sig(Z.copy())))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """a * (1 - a) at chosen a; sigmoid's values; the slope by finite differences."""
    s = sigmoid(A)
    z_not_a = when(lambda got, expected: np.allclose(got, s * (1 - s)), "z-not-a")
    checks = [
        compare("sigmoid_derivative at a = 0.5, 0.99, 0.7, 0.1", outcome(found, "slope"),
                A * (1 - A), detectors=[z_not_a]),
        compare("sigmoid at 25 points from -6 to 6", outcome(found, "sigmoid"), sigmoid(Z)),
    ]
    numerical = outcome(found, "numerical")
    if numerical.kind == "array" and numerical.value is not None:
        checks.append(compare("the slope at 25 points against a finite difference of your "
                              "sigmoid", outcome(found, "chain"), numerical.value,
                              rtol=1e-5, atol=1e-9, detectors=[z_not_a],
                              source="the finite difference"))
    else:
        checks.append(compare("the slope at 25 points against a finite difference of your "
                              "sigmoid", numerical, sigmoid(Z) * (1 - sigmoid(Z))))
    return checks


EXERCISE = Exercise(
    key="warmup4", title="Warm-up 4: the sigmoid's slope",
    page="part5/warm-ups.md#warm-up-4-the-sigmoids-slope",
    names=("sigmoid", "sigmoid_derivative"), starter=STARTER, probe=probe, grade=grade)
