"""Exercise 3: one neuron with four inputs, its forward pass done by hand."""

from __future__ import annotations

import numpy as np

from nnlib.activations import sigmoid
from nnlib.tutor.compare import compare, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Exercise 3: one neuron, four inputs.

Write a single neuron with 4 inputs. Do forward pass manually.
The page's numbers: inputs 0.5, -1.0, 2.0, 1.5; weights 0.8, 0.2, -0.5, 0.4;
bias 0.3.

Fill in weighted_sum and neuron, then check your answer:
    python -m nnlib check exercise3.py
"""

import numpy as np


def weighted_sum(inputs, weights, bias):
    """Return z, the weighted sum of the neuron: each input times its own
    weight, the four products added up, plus the bias (a number).

    inputs and weights are lists (or arrays) of 4 numbers; bias is a number.
    """
    ...


def neuron(inputs, weights, bias):
    """Return a = sigmoid(z), the neuron's output, between 0 and 1."""
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python exercise3.py`, not
    # during the check.
    inputs, weights = [0.5, -1.0, 2.0, 1.5], [0.8, 0.2, -0.5, 0.4]
    print(weighted_sum(inputs, weights, 0.3), neuron(inputs, weights, 0.3))
'''

PAGE = ([0.5, -1.0, 2.0, 1.5], [0.8, 0.2, -0.5, 0.4], 0.3)
_rng = np.random.default_rng(3)
OTHER = ([float(x) for x in _rng.normal(size=4).round(2)],
         [float(w) for w in _rng.normal(size=4).round(2)], -0.7)


def reference_z(inputs: list[float], weights: list[float], bias: float) -> float:
    """The weighted sum, by the reference."""
    return float(np.dot(inputs, weights) + bias)


def probe(learner: Learner) -> None:
    """Both functions on the page's numbers and on other ones (given as lists)."""
    for name, (inputs, weights, bias) in {"page": PAGE, "other": OTHER}.items():
        for function in ("weighted_sum", "neuron"):
            learner.run(f"{function}.{name}", lambda f=function, i=inputs, w=weights, b=bias:
                        learner.fn(f)(list(i), list(w), b))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """z and a against the reference, on both sets of numbers."""
    checks = []
    for name, (inputs, weights, bias) in {"page": PAGE, "other": OTHER}.items():
        z = reference_z(inputs, weights, bias)
        where = "the page's numbers" if name == "page" else f"inputs {inputs}, bias {bias}"
        no_bias = when(lambda got, _, z=z, b=bias: np.isclose(got, z - b), "no-bias")
        checks.append(compare(f"weighted_sum on {where}", outcome(found, f"weighted_sum.{name}"),
                              z, detectors=[no_bias]))
        no_sigmoid = when(lambda got, _, z=z: np.isclose(got, z), "no-sigmoid")
        checks.append(compare(f"neuron on {where}", outcome(found, f"neuron.{name}"),
                              sigmoid(z), detectors=[no_sigmoid, no_bias_in(z, bias)]))
    return checks


def no_bias_in(z: float, bias: float):
    """The output is the sigmoid of the sum without the bias."""
    return when(lambda got, _: np.isclose(got, sigmoid(z - bias)), "no-bias")


EXERCISE = Exercise(
    key="3", title="Exercise 3: one neuron, four inputs",
    page="part5/exercises.md#exercise-3-one-neuron-four-inputs",
    names=("weighted_sum", "neuron"), starter=STARTER, probe=probe, grade=grade)
