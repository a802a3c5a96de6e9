"""Warm-up 5: one gradient descent step for Step 1's neuron."""

from __future__ import annotations

import numpy as np

from nnlib.activations import sigmoid
from nnlib.tutor.compare import compare, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Warm-up 5: one gradient descent step.

The neuron of Step 1: input x = 2.0, weight w = 0.5, bias b = 0. Its target
is t = 1, its loss L = (a - t) ** 2 / 2 with a = sigmoid(x * w + b).

Fill in the three functions, then check your answer:
    python -m nnlib check warmup5.py
"""

import numpy as np


def loss(w, b, x, t):
    """Return L = (a - t) ** 2 / 2, where a = sigmoid(x * w + b)."""
    ...


def gradients(w, b, x, t):
    """Return (dL/dw, dL/db), by the chain rule."""
    ...


def step(w, b, x, t, learning_rate):
    """Return (new_w, new_b) after one step of gradient descent."""
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python warmup5.py`, not
    # during the check.
    print(loss(0.5, 0.0, 2.0, 1.0), gradients(0.5, 0.0, 2.0, 1.0))
'''

POINTS = {"the page's neuron": (0.5, 0.0, 2.0, 1.0), "another neuron": (-0.3, 0.2, 1.5, 0.0)}
H = 1e-6


def reference(w: float, b: float, x: float, t: float) -> tuple[float, float, float]:
    """The loss and its two gradients."""
    a = float(sigmoid(x * w + b))
    delta = (a - t) * a * (1 - a)
    return (a - t) ** 2 / 2, delta * x, delta


def probe(learner: Learner) -> None:
    """loss, gradients and one step at two points; a central difference of their loss."""
    for n, (w, b, x, t) in enumerate(POINTS.values()):
        learner.run(f"loss{n}", lambda w=w, b=b, x=x, t=t: learner.fn("loss")(w, b, x, t))
        learner.run(f"grad{n}", lambda w=w, b=b, x=x, t=t: learner.fn("gradients")(w, b, x, t))
        learner.run(f"fd{n}", lambda w=w, b=b, x=x, t=t: [
            (learner.fn("loss")(w + H, b, x, t) - learner.fn("loss")(w - H, b, x, t)) / (2 * H),
            (learner.fn("loss")(w, b + H, x, t) - learner.fn("loss")(w, b - H, x, t)) / (2 * H)])
        learner.run(f"step{n}", lambda w=w, b=b, x=x, t=t:
                    learner.fn("step")(w, b, x, t, 0.5))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """Against the reference, and the gradients against a finite difference."""
    checks = []
    for n, (where, (w, b, x, t)) in enumerate(POINTS.items()):
        value, grad_w, grad_b = reference(w, b, x, t)
        a = float(sigmoid(x * w + b))
        no_slope = when(lambda got, _, a=a, t=t, x=x: np.allclose(got, [(a - t) * x, a - t]),
                        "missing-slope")
        uphill = when(lambda got, _, w=w, b=b, gw=grad_w, gb=grad_b:
                      np.allclose(got, [w + 0.5 * gw, b + 0.5 * gb]), "sign")
        checks += [
            compare(f"loss for {where}", outcome(found, f"loss{n}"), value),
            compare(f"gradients for {where}", outcome(found, f"grad{n}"), [grad_w, grad_b],
                    detectors=[no_slope]),
            _against_fd(found, n, where),
            compare(f"step for {where}, learning rate 0.5", outcome(found, f"step{n}"),
                    [w - 0.5 * grad_w, b - 0.5 * grad_b], detectors=[uphill]),
        ]
    return checks


def _against_fd(found: dict[str, Outcome], n: int, where: str) -> Check:
    numeric = outcome(found, f"fd{n}")
    label = f"gradients for {where} against a finite difference of your loss"
    if numeric.kind != "array" or numeric.value is None:
        return compare(label, numeric, [0.0, 0.0])
    return compare(label, outcome(found, f"grad{n}"), numeric.value, rtol=1e-5, atol=1e-9)


EXERCISE = Exercise(
    key="warmup5", title="Warm-up 5: one gradient descent step",
    page="part5/warm-ups.md#warm-up-5-one-gradient-descent-step",
    names=("loss", "gradients", "step"), starter=STARTER, probe=probe, grade=grade)
