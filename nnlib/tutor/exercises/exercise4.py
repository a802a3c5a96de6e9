"""Exercise 4: a two-layer network's forward pass (784-64-10), no training."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import compare, transposed
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises import common as ref
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check

STARTER = '''"""Exercise 4: a two-layer forward pass.

Write a full 2-layer network (any size). Just the forward pass - no training.
Here: 784 inputs, 64 hidden neurons, 10 outputs, the sigmoid on both layers.

Fill in init, forward and predict, then check your answer:
    python -m nnlib check exercise4.py
"""

import numpy as np

from nnlib import load_mnist, sigmoid


def init(rng):
    """Return the starting weights as a dict of four arrays:
    "W1" (784, 64), "b1" (1, 64), "W2" (64, 10), "b2" (1, 10).

    Weights: rng.standard_normal(shape) * 0.1, W1 drawn before W2.
    Biases: zeros.
    """
    ...


def forward(X, params):
    """X has shape (n, 784), one image per row. Return (hidden, output):
    hidden = sigmoid(X @ W1 + b1), shape (n, 64), and
    output = sigmoid(hidden @ W2 + b2), shape (n, 10).
    """
    ...


def predict(X, params):
    """Return the network's guesses, shape (n,): for each row of X, the
    position (0-9) of its largest output.
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python exercise4.py`, not
    # during the check.
    X_train, y_train, X_test, y_test = load_mnist()
    params = init(np.random.default_rng(0))
    print(predict(X_test[:5], params), y_test[:5])
'''


def probe(learner: Learner) -> None:
    """init with seed 0; forward and predict on batches of 5 and 3 with set weights."""
    learner.run("init", lambda: learner.fn("init")(np.random.default_rng(0)))
    for n in (5, 3):
        X, _ = ref.batch(n, seed=n)
        params = ref.lively(seed=n)
        learner.run(f"forward{n}", lambda X=X, p=params: learner.fn("forward")(X, p))
        learner.run(f"predict{n}", lambda X=X, p=params: learner.fn("predict")(X, p))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """The weights' shapes and values; hidden, output and guesses against the reference."""
    start = ref.init(np.random.default_rng(0))
    checks = []
    for name in ref.NAMES:
        detectors = [transposed("weights-transposed")] if name[0] == "W" else [ref.bias_shape]
        checks.append(compare(f"init(rng): {name}, shape {ref.SHAPES[name]} and values",
                              outcome(found, f"init.{name}"), start[name], detectors=detectors))
    for n in (5, 3):
        X, _ = ref.batch(n, seed=n)
        hidden, output = ref.forward(X, ref.lively(seed=n))
        for index, (name, expected) in enumerate([("hidden", hidden), ("output", output)]):
            checks.append(compare(f"forward on {n} images: {name} {expected.shape}",
                                  outcome(found, f"forward{n}.{index}"), expected,
                                  detectors=[transposed("weights-transposed"), ref.bias_shape]))
        checks.append(compare(f"predict on {n} images: one guess per image",
                              outcome(found, f"predict{n}"), output.argmax(axis=1),
                              detectors=[ref.argmax_axis]))
    return checks


EXERCISE = Exercise(
    key="4", title="Exercise 4: a two-layer forward pass",
    page="part5/exercises.md#exercise-4-a-two-layer-forward-pass",
    names=("init", "forward", "predict"), starter=STARTER, probe=probe, grade=grade)
