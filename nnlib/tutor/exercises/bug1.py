"""Find the bug 1: a backward pass that does not run (W2 where W2.T belongs)."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare, transposed
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises import common as ref
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Find the bug 1: a backward pass that does not run.

deltas has one bug. Run this file, read the error, find the line, fix it.
Then check your fix:
    python -m nnlib check bug1.py
"""

import numpy as np

from nnlib import sigmoid


def deltas(X, Y, W1, b1, W2, b2):
    """Return (d_output, d_hidden), shapes (n, 10) and (n, 64)."""
    hidden = sigmoid(X @ W1 + b1)
    output = sigmoid(hidden @ W2 + b2)
    d_output = (output - Y) * output * (1 - output)
    d_hidden = (d_output @ W2) * hidden * (1 - hidden)
    return d_output, d_hidden


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X = rng.random((5, 784))  # 5 stand-in images
    Y = np.eye(10)[[3, 1, 4, 1, 5]]  # their one-hot targets, (5, 10)
    W1, b1 = rng.standard_normal((784, 64)) * 0.1, np.zeros((1, 64))
    W2, b2 = rng.standard_normal((64, 10)) * 0.1, np.zeros((1, 10))
    d_output, d_hidden = deltas(X, Y, W1, b1, W2, b2)
    print(d_output.shape, d_hidden.shape)
'''


def expected(n: int) -> tuple[np.ndarray, np.ndarray]:
    """The two deltas (per example, before the 1/n) on a batch of n."""
    X, Y = ref.batch(n, seed=n)
    p = ref.lively(seed=n)
    hidden, output = ref.forward(X, p)
    d_output = (output - Y) * output * (1 - output)
    return d_output, (d_output @ p["W2"].T) * hidden * (1 - hidden)


def probe(learner: Learner) -> None:
    """deltas on batches of 5 and 3."""
    for n in (5, 3):
        X, Y = ref.batch(n, seed=n)
        p = ref.lively(seed=n)
        learner.run(f"deltas{n}", lambda X=X, Y=Y, p=p: learner.fn("deltas")(
            X, Y, p["W1"], p["b1"], p["W2"], p["b2"]))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """Both deltas against the reference."""
    checks = []
    for n in (5, 3):
        for index, (name, value) in enumerate(zip(("d_output", "d_hidden"), expected(n))):
            checks.append(compare(f"deltas on a batch of {n}: {name} {value.shape}",
                                  outcome(found, f"deltas{n}.{index}"), value,
                                  detectors=[transposed()]))
    return checks


EXERCISE = Exercise(
    key="bug1", title="Find the bug 1: a backward pass that does not run",
    page="part5/find-the-bug.md#bug-1-a-backward-pass-that-does-not-run",
    names=("deltas",), starter=STARTER, probe=probe, grade=grade)
