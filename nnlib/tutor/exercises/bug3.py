"""Find the bug 3: a gradient right for one batch size, wrong for another."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises import common as ref
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Find the bug 3: right for one batch size, wrong for another.

gradient_W2 passes a finite-difference check on a batch of 64 and fails
on 32. Find the line, fix it. Then check your fix:
    python -m nnlib check bug3.py
"""

import numpy as np

from nnlib import sigmoid


def gradient_W2(X, Y, W1, b1, W2, b2):
    """The gradient of the batch's average loss with respect to W2."""
    hidden = sigmoid(X @ W1 + b1)  # (n, 64)
    output = sigmoid(hidden @ W2 + b2)  # (n, 10)
    d_output = (output - Y) * output * (1 - output)
    return hidden.T @ d_output / 64  # (64, 10)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
    W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
    X, Y = rng.random((32, 784)), np.eye(10)[rng.integers(0, 10, 32)]
    print(gradient_W2(X, Y, W1, b1, W2, b2)[0, :3])
'''

SIZES = (64, 32, 1)


def probe(learner: Learner) -> None:
    """gradient_W2 on batches of 64, 32 and 1."""
    for n in SIZES:
        X, Y = ref.batch(n, seed=n)
        p = ref.lively(seed=3)
        learner.run(f"grad{n}", lambda X=X, Y=Y, p=p: learner.fn("gradient_W2")(
            X, Y, p["W1"], p["b1"], p["W2"], p["b2"]))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """Against the reference, batch size by batch size."""
    checks = []
    for n in SIZES:
        X, Y = ref.batch(n, seed=n)
        p = ref.lively(seed=3)
        expected = ref.backward(p, X, Y, *ref.forward(X, p))["W2"]
        checks.append(compare(f"gradient_W2 on a batch of {n}", outcome(found, f"grad{n}"),
                              expected, detectors=[ref.divided_by(n)]))
    return checks


EXERCISE = Exercise(
    key="bug3", title="Find the bug 3: right for one batch size, wrong for another",
    page="part5/find-the-bug.md#bug-3-right-for-one-batch-size-wrong-for-another",
    names=("gradient_W2",), starter=STARTER, probe=probe, grade=grade)
