"""The training loop: show the network the data in shuffled mini-batches, epoch after epoch."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np
from tqdm import tqdm

from nnlib.metrics import accuracy
from nnlib.optim import SGD


class TrainingDiverged(ValueError):
    """The loss became NaN or infinite: the weights have blown up, usually from too large a learning rate.

    ``history`` keeps what the finished epochs recorded.
    """

    def __init__(self, message: str, history: "History") -> None:
        super().__init__(message)
        self.history = history


@dataclass
class History:
    """What happened during training, one entry per epoch."""

    loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def as_arrays(self) -> dict[str, np.ndarray]:
        """The history as NumPy arrays by name, e.g. to save with ``np.savez``."""
        return {name: np.asarray(values, dtype=np.float64) for name, values in vars(self).items()}


def train(
    model,
    X: np.ndarray,
    Y: np.ndarray,
    *,
    epochs: int,
    batch_size: int = 64,
    optimizer=None,
    rng: int | np.random.Generator = 0,
    X_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
    progress: bool = True,
    lr_schedule: Callable[[int], float] | None = None,
) -> History:
    """Train ``model`` on inputs ``X`` and one-hot targets ``Y`` with mini-batch gradient descent.

    Each epoch visits the examples in a new order drawn from ``rng``, in batches of
    ``batch_size`` (the last one may be smaller). ``optimizer`` defaults to the guide's
    ``SGD(lr=0.5)``; ``lr_schedule(epoch)``, if given, sets its learning rate each epoch.
    The history records the mean loss and accuracy over the batches of each epoch (as the
    network saw them while learning) and, when ``X_test``/``y_test`` are given, the test
    accuracy after the epoch. Raises :class:`TrainingDiverged` if the loss becomes NaN or inf.
    """
    X, Y = np.asarray(X), np.asarray(Y)
    if X.ndim != 2 or Y.ndim != 2 or len(X) != len(Y):
        raise ValueError(
            f"X has shape {X.shape} and Y has shape {Y.shape}: expected (n, inputs) and one-hot "
            f"(n, classes) with the same n."
        )
    if (X_test is None) != (y_test is None):
        raise ValueError("pass both X_test and y_test, or neither.")
    if epochs < 1 or batch_size < 1:
        raise ValueError(f"epochs and batch_size must be >= 1, got {epochs} and {batch_size}.")
    optimizer = optimizer if optimizer is not None else SGD(0.5)
    rng = np.random.default_rng(rng)
    labels = Y.argmax(axis=1)
    history = History()

    for epoch in range(epochs):
        if lr_schedule is not None:
            optimizer.lr = lr_schedule(epoch)
        start = time.perf_counter()
        order = rng.permutation(len(X))
        total_loss, correct = 0.0, 0
        batches = range(0, len(X), batch_size)
        bar = tqdm(batches, desc=f"epoch {epoch + 1}/{epochs}", leave=False, disable=not progress)
        # Overflow means the weights are blowing up: stop at once rather than train on inf/NaN.
        with np.errstate(over="raise", invalid="raise", divide="raise"):
            try:
                for first in bar:
                    batch = order[first : first + batch_size]
                    targets = Y[batch]
                    output = model.forward(X[batch], training=True)
                    loss = model.loss(targets)
                    if not np.isfinite(loss):
                        raise FloatingPointError(f"the loss is {loss}")
                    model.backward(targets)
                    optimizer.step(model.params, model.grads)
                    total_loss += loss * len(batch)
                    correct += int(np.sum(output.argmax(axis=1) == labels[batch]))
            except FloatingPointError as error:
                bar.close()
                raise TrainingDiverged(
                    f"training diverged at epoch {epoch + 1}, batch {first // batch_size + 1} "
                    f"({error}). Lower the learning rate (now {optimizer.lr}) and train again; "
                    f"the history of the finished epochs is in this error's .history.",
                    history,
                ) from error
        bar.close()
        history.seconds.append(time.perf_counter() - start)
        history.loss.append(total_loss / len(X))
        history.train_accuracy.append(correct / len(X))
        if X_test is not None:
            history.test_accuracy.append(accuracy(y_test, model.predict(X_test)))
        if progress:
            test = f", test accuracy {history.test_accuracy[-1]:.4f}" if X_test is not None else ""
            tqdm.write(
                f"epoch {epoch + 1:>2}/{epochs}: loss {history.loss[-1]:.4f}, "
                f"train accuracy {history.train_accuracy[-1]:.4f}{test} ({history.seconds[-1]:.1f} s)"
            )
    return history
