"""Exercise 5: backpropagation and training added to Exercise 4."""

from __future__ import annotations

import numpy as np

from nnlib.tutor.compare import Detector, compare, describe, ratio, transposed, when
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises import common as ref
from nnlib.tutor.hints import hint
from nnlib.tutor.learner import Learner, Outcome, outcome
from nnlib.tutor.report import Check, Hint, failed, passed

STARTER = '''"""Exercise 5: backpropagation and training.

Add backpropagation and training to Exercise 4.
Train on the first 1,000 training digits, in batches of 20, for 10 epochs,
with learning rate 0.5, shuffling the digits at the start of every epoch.

Fill in the functions (init and forward are Exercise 4's), then check:
    python -m nnlib check exercise5.py
"""

import numpy as np

from nnlib import load_mnist, one_hot, sigmoid

LEARNING_RATE = 0.5
BATCH_SIZE = 20
EPOCHS = 10


def init(rng):
    """Exercise 4's: a dict "W1" (784, 64), "b1" (1, 64), "W2" (64, 10),
    "b2" (1, 10); rng.standard_normal(shape) * 0.1, W1 first; zero biases.
    """
    ...


def forward(X, params):
    """Exercise 4's: return (hidden, output), shapes (n, 64) and (n, 10)."""
    ...


def loss(output, Y):
    """Return the loss, a number: half the squared error (output - Y) ** 2,
    summed over the 10 outputs, averaged over the n examples.
    """
    ...


def backward(params, X, Y, hidden, output):
    """Return the gradients of the loss as a dict with the keys of params,
    each array the shape of its weight, averaged over the batch of len(X).
    """
    ...


def update(params, grads, learning_rate):
    """Move every weight one step against its gradient, in place."""
    ...


def train(X, Y, rng):
    """Train a network from init(rng) on X (n, 784) and its one-hot
    targets Y (n, 10): EPOCHS epochs, each in a new order from
    rng.permutation, in batches of BATCH_SIZE, with LEARNING_RATE.

    Return (params, losses): the trained weights, and a list with the loss
    on all of X after each epoch.
    """
    ...


if __name__ == "__main__":
    # Try your code here: this part runs with `python exercise5.py`, not
    # during the check.
    X_train, y_train, X_test, y_test = load_mnist()
    params, losses = train(X_train[:1000], one_hot(y_train[:1000]),
                           np.random.default_rng(0))
    print(losses)
'''

N_TRAIN = 1000  # digits the check trains on, sorted by label
INDICES = {"W1": [(0, 0), (300, 5), (783, 63)], "b1": [(0, 7), (0, 63)],
           "W2": [(0, 0), (40, 3), (63, 9)], "b2": [(0, 0), (0, 9)]}


def sorted_digits() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The first N_TRAIN training digits, sorted by label: images, labels, targets."""
    from nnlib.data import load_mnist

    X_train, y_train, _, _ = load_mnist()
    order = np.argsort(y_train[:N_TRAIN], kind="stable")
    return X_train[:N_TRAIN][order], y_train[:N_TRAIN][order], np.eye(10)[y_train[:N_TRAIN][order]]


def numerical(learner: Learner, params: dict, X: np.ndarray, Y: np.ndarray,
              h: float = 1e-6, own_loss: bool = True,
              params_first: bool = False) -> dict[str, list[float]]:
    """The loss of the learner's forward pass (with their own loss function, or the
    reference's), differentiated by central differences at INDICES."""
    forward = learner.fn("forward")
    loss = learner.fn("loss") if own_loss else ref.loss

    def output(p: dict) -> np.ndarray:
        return (forward(p, X) if params_first else forward(X, p))[1]

    found = {}
    for name, indices in INDICES.items():
        values = []
        for index in indices:
            p = {k: v.copy() for k, v in params.items()}
            p[name][index] += h
            up = loss(output(p), Y)
            p[name][index] -= 2 * h
            down = loss(output(p), Y)
            values.append((up - down) / (2 * h))
        found[name] = values
    return found


def probe(learner: Learner) -> None:
    """loss and backward on batches of 5 and 3; the learner's gradient against a finite
    difference of their own loss; one update; training on digits sorted by label."""
    for n in (5, 3):
        X, Y = ref.batch(n, seed=n)
        params = ref.lively(seed=n)
        hidden, output = ref.forward(X, params)
        learner.run(f"loss{n}", lambda o=output, Y=Y: learner.fn("loss")(o.copy(), Y))
        learner.run(f"backward{n}", lambda p=params, X=X, Y=Y, h=hidden, o=output:
                    learner.fn("backward")(dict(p), X, Y, h.copy(), o.copy()))
    X, Y = ref.batch(5, seed=5)
    params = ref.lively(seed=5)
    learner.run("fd", lambda: numerical(learner, params, X, Y))
    grads = ref.backward(params, X, Y, *ref.forward(X, params))

    def one_update() -> dict:
        p = {k: v.copy() for k, v in params.items()}
        returned = learner.fn("update")(p, grads, 0.5)
        return returned if isinstance(returned, dict) else p
    learner.run("update", one_update)
    images, labels, targets = sorted_digits()

    def training() -> dict:
        trained, losses = learner.fn("train")(images, targets, np.random.default_rng(0))
        return {"losses": np.asarray(losses, dtype=float),
                "guesses": ref.forward(images, trained)[1].argmax(axis=1)}
    learner.run("train", training)


def own_gradient(found: dict[str, Outcome], of: str = "your own loss") -> list[Check]:
    """backward agrees with a finite difference of the learner's own loss (``fd``)."""
    checks = []
    for name, indices in INDICES.items():
        numeric = outcome(found, f"fd.{name}")
        gradient = outcome(found, f"backward5.{name}")
        label = f"backward's {name} against a finite difference of {of}"
        if numeric.kind != "array" or gradient.kind != "array" or gradient.value is None \
                or gradient.value.shape != ref.SHAPES[name]:
            bad = numeric if numeric.kind != "array" else gradient
            what = bad.text if bad.kind == "error" else "backward's gradient has the wrong shape"
            checks.append(failed(label, "the two to agree", f"not checked: {what}"))
            continue
        mine = np.array([gradient.value[index] for index in indices])
        checks.append(compare(label, Outcome("array", mine), numeric.value, rtol=1e-4, atol=1e-8))
    return checks


def stuck(found: Outcome, expected: np.ndarray) -> Hint | None:
    """The loss did not go down over the epochs (or is not finite)."""
    losses = found.value
    if found.kind == "array" and losses is not None and losses.ndim == 1 and len(losses) > 1:
        if not np.all(np.isfinite(losses)) or losses[-1] >= losses[0] * 0.99:
            return hint("diverging-lr")
    return None


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """The loss, the gradients (values, shapes, and by finite differences), the update,
    and training: the loss falls and the digits are learned even in sorted order."""
    checks = []
    for n in (5, 3):
        X, Y = ref.batch(n, seed=n)
        params = ref.lively(seed=n)
        hidden, output = ref.forward(X, params)
        checks.append(compare(f"loss on a batch of {n}", outcome(found, f"loss{n}"),
                              ref.loss(output, Y),
                              detectors=[ratio(1 / 10, "mean-not-sum"), ratio(n, "sum-not-mean")]))
        grads = ref.backward(params, X, Y, hidden, output)
        for name in ref.NAMES:
            detectors: list[Detector] = [transposed(), ref.divided_by(n)]
            if name[0] == "b":
                detectors.insert(0, ref.bias_shape)
            checks.append(compare(f"backward on a batch of {n}: gradient of {name}",
                                  outcome(found, f"backward{n}.{name}"), grads[name],
                                  detectors=detectors))
    checks += own_gradient(found)
    X, Y = ref.batch(5, seed=5)
    params = ref.lively(seed=5)
    grads = ref.backward(params, X, Y, *ref.forward(X, params))
    for name in ref.NAMES:
        checks.append(compare(f"update with learning rate 0.5: {name}",
                              outcome(found, f"update.{name}"), params[name] - 0.5 * grads[name],
                              detectors=[uphill(params[name] + 0.5 * grads[name]),
                                         ref.bias_shape]))
    losses = outcome(found, "train.losses")
    if losses.kind == "array" and stuck(losses, np.zeros(0)) is None:
        checks.append(passed("train: the loss goes down over the epochs"))
    else:
        checks.append(failed("train: the loss goes down over the epochs",
                             "a last loss well below the first", describe(losses),
                             stuck(losses, np.zeros(0))))
    checks.append(learned(outcome(found, "train.guesses")))
    return checks


def uphill(wrong: np.ndarray) -> Detector:
    """The step was taken with the gradient, not against it."""
    return when(lambda got, expected: np.allclose(got, wrong), "sign")


def learned(found: Outcome) -> Check:
    """Trained on digits sorted by label, the network gets most of them right."""
    label = f"train on {N_TRAIN:,} digits sorted by label: most of them learned"
    if found.kind != "array" or found.value is None:
        return failed(label, "an accuracy above 0.7", describe(found))
    _, labels, _ = sorted_digits()
    accuracy = float(np.mean(found.value == labels))
    if accuracy > 0.7:
        return passed(label)
    last = float(np.mean(found.value == labels[-1]))
    return failed(label, "an accuracy above 0.7",
                  f"{accuracy:.3f}, and {last:.0%} of the guesses are {labels[-1]}, "
                  f"the last digit of the sorted order",
                  hint("no-shuffle") if last > 0.3 else None)


EXERCISE = Exercise(
    key="5", title="Exercise 5: backpropagation and training",
    page="part5/exercises.md#exercise-5-backpropagation-and-training",
    names=("init", "forward", "loss", "backward", "update", "train"), starter=STARTER,
    probe=probe, grade=grade, timeout=30.0)
