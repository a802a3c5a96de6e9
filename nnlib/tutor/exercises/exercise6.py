"""Exercise 6: MNIST above 90%, from a blank file (NumPy and the standard library).

The check probes the learner's functions, then runs the file as a script, as
``python exercise6.py`` does (NNLIB_DATA_DIR honoured), and computes the test accuracy
itself from the weights the script saves in ``exercise6_weights.npz``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from nnlib.tutor.compare import Detector, compare, describe, transposed
from nnlib.tutor.exercises import Context, Exercise
from nnlib.tutor.exercises import common as ref
from nnlib.tutor.exercises.exercise5 import numerical, own_gradient
from nnlib.tutor.hints import hint
from nnlib.tutor.learner import Learner, LearnerError, Outcome, outcome
from nnlib.tutor.report import Check, failed, passed

WEIGHTS_FILE = "exercise6_weights.npz"
TIMEOUT = 300.0  # seconds: the script trains on all 60,000 digits

STARTER = '''"""Exercise 6: MNIST above 90%, from a blank file.

Load MNIST, train your network, get >90% accuracy.
NumPy and Python's standard library only: no nnlib in this file.

Fill in the functions and main, then check your answer:
    python -m nnlib check exercise6.py
The check runs this file as a script (so main() trains), then reads the
weights main() saved in exercise6_weights.npz and computes the accuracy on
the 10,000 test digits itself.
"""

import gzip
import os
from pathlib import Path

import numpy as np

# The folder that holds the four MNIST .gz files
DATA = Path(os.environ.get("NNLIB_DATA_DIR", "mnist"))
WEIGHTS_FILE = "exercise6_weights.npz"


def load():
    """Return X_train (60000, 784), y_train (60000,), X_test (10000, 784),
    y_test (10000,): pixels scaled to 0..1, labels as whole numbers 0-9.
    """
    ...


def one_hot(labels):
    """Return the one-hot targets, shape (n, 10): label 3 becomes the row
    [0, 0, 0, 1, 0, 0, 0, 0, 0, 0].
    """
    ...


def init(rng):
    """Return a dict of starting weights: "W1" (784, 64), "b1" (1, 64),
    "W2" (64, 10), "b2" (1, 10).
    """
    ...


def forward(p, X):
    """Return (hidden, output), shapes (n, 64) and (n, 10), the sigmoid on
    both layers.
    """
    ...


def backward(p, X, Y, hidden, output):
    """Return the gradients of the loss 0.5 * sum((output - Y) ** 2) / n
    as a dict with the keys of p, each the shape of its weight.
    """
    ...


def update(p, grads, learning_rate):
    """Move every weight one step against its gradient, in place."""
    ...


def main():
    """Train (epochs, a new shuffle each epoch, batches), print the test
    accuracy after each epoch, and save the weights:
        np.savez(WEIGHTS_FILE, **p)
    """
    ...


if __name__ == "__main__":
    main()
'''


def summary(data: tuple | None) -> dict:
    """Shapes, ranges and a few values of what load() returned (not the whole arrays)."""
    if data is None or len(data) != 4:
        raise LearnerError("load() must return four arrays: X_train, y_train, X_test, "
                           f"y_test; it returned {describe(Outcome('other', text=repr(data)))}")
    X_train, y_train, X_test, y_test = (np.asarray(a) for a in data)
    return {"X_train": np.array(X_train.shape), "y_train": np.array(y_train.shape),
            "X_test": np.array(X_test.shape), "y_test": np.array(y_test.shape),
            "range": np.array([X_train.min(), X_train.max(), X_test.min(), X_test.max()]),
            "X_test0": X_test[0], "y_test20": y_test[:20], "y_train20": y_train[:20]}


def probe(learner: Learner) -> None:
    """load(); one_hot; forward and backward on batches of 5 and 3."""
    learner.run("load", lambda: summary(learner.fn("load")()))
    learner.run("one_hot", lambda: learner.fn("one_hot")(np.array([3, 0, 9])))
    for n in (5, 3):
        X, Y = ref.batch(n, seed=n)
        params = ref.lively(seed=n)
        hidden, output = ref.forward(X, params)
        learner.run(f"forward{n}", lambda p=params, X=X: learner.fn("forward")(dict(p), X))
        learner.run(f"backward{n}", lambda p=params, X=X, Y=Y, h=hidden, o=output:
                    learner.fn("backward")(dict(p), X, Y, h.copy(), o.copy()))
    X, Y = ref.batch(5, seed=5)
    learner.run("fd", lambda: numerical(learner, ref.lively(seed=5), X, Y, own_loss=False,
                                        params_first=True))


def grade(found: dict[str, Outcome], context: Context) -> list[Check]:
    """What load() gives; the network's pieces; then the accuracy of the saved weights."""
    from nnlib.data import load_mnist

    X_train, y_train, X_test, y_test = load_mnist()
    checks = [
        *[compare(f"load(): {name}, shape {shape}", outcome(found, f"load.{name}"), shape)
          for name, shape in [("X_train", (60000, 784)), ("y_train", (60000,)),
                              ("X_test", (10000, 784)), ("y_test", (10000,))]],
        compare("load(): pixels scaled to 0..1", outcome(found, "load.range"),
                np.array([0.0, 1.0, 0.0, 1.0])),
        compare("load(): the first test image", outcome(found, "load.X_test0"),
                X_test[0].astype(np.float64), rtol=1e-5),
        compare("load(): the first 20 labels, train and test",
                _joined(found, "load.y_train20", "load.y_test20"),
                np.concatenate([y_train[:20], y_test[:20]])),
        compare("one_hot([3, 0, 9])", outcome(found, "one_hot"), np.eye(10)[[3, 0, 9]]),
    ]
    for n in (5, 3):
        X, Y = ref.batch(n, seed=n)
        params = ref.lively(seed=n)
        hidden, output = ref.forward(X, params)
        checks.append(compare(f"forward on {n} images: output (n, 10)",
                              outcome(found, f"forward{n}.1"), output,
                              detectors=[transposed("weights-transposed"), ref.bias_shape]))
        grads = ref.backward(params, X, Y, hidden, output)
        for name in ref.NAMES:
            detectors: list[Detector] = [transposed(), ref.divided_by(n)]
            if name[0] == "b":
                detectors.insert(0, ref.bias_shape)
            checks.append(compare(f"backward on a batch of {n}: gradient of {name}",
                                  outcome(found, f"backward{n}.{name}"), grads[name],
                                  detectors=detectors))
    checks += own_gradient(found, of="the loss of your forward")
    checks.append(accuracy_check(context, X_test, y_test))
    return checks


def _joined(found: dict[str, Outcome], first: str, second: str) -> Outcome:
    a, b = outcome(found, first), outcome(found, second)
    if a.kind != "array" or b.kind != "array" or a.value is None or b.value is None:
        return a if a.kind != "array" else b
    return Outcome("array", np.concatenate([a.value.ravel(), b.value.ravel()]))


def accuracy_check(context: Context, X_test: np.ndarray, y_test: np.ndarray) -> Check:
    """The test accuracy of the weights the script saved, computed here."""
    label = f"main(): test accuracy of {WEIGHTS_FILE} above 0.90"
    if context.folder is None:
        return failed(label, "a file to run", "not checked: run the check on your file, "
                      "nnlib.check(6, 'exercise6.py') or python -m nnlib check exercise6.py")
    path = Path(context.folder) / WEIGHTS_FILE
    if not path.exists() or path.stat().st_mtime < context.started - 1:
        return failed(label, f"main() to save {WEIGHTS_FILE}",
                      "no such file was written while your script ran: does main() call "
                      "np.savez(WEIGHTS_FILE, **p)?")
    try:
        with np.load(path, allow_pickle=False) as saved:
            params = {name: saved[name].astype(np.float64) for name in ref.NAMES}
        guesses = ref.forward(X_test.astype(np.float64), params)[1].argmax(axis=1)
    except (KeyError, ValueError, OSError) as error:
        return failed(label, "W1 (784, hidden), b1 (1, hidden), W2 (hidden, 10), b2 (1, 10)",
                      f"{WEIGHTS_FILE} cannot be used: {error}")
    accuracy = float(np.mean(guesses == y_test))
    if accuracy > 0.90:
        return passed(f"{label}: {accuracy:.4f}")
    finite = all(np.all(np.isfinite(p)) for p in params.values())
    stuck = not finite or accuracy < 0.2
    return failed(label, "above 0.90", f"{accuracy:.4f}" + ("" if finite else
                  " (some weights are not finite)"), hint("diverging-lr") if stuck else None)


EXERCISE = Exercise(
    key="6", title="Exercise 6: MNIST above 90%, from a blank file",
    page="part5/exercises.md#exercise-6-mnist-above-90-from-a-blank-file",
    names=("load", "one_hot", "init", "forward", "backward", "update", "main"),
    starter=STARTER, probe=probe, grade=grade, timeout=TIMEOUT, run_as_main=True)
