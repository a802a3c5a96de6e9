"""The training loop: show the network the data in shuffled mini-batches, epoch after epoch."""

from __future__ import annotations

import copy
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from numbers import Integral
from typing import Callable, Protocol, runtime_checkable

import numpy as np
from tqdm import tqdm

from nnlib.metrics import accuracy
from nnlib.optim import SGD, Adam, Momentum


@runtime_checkable
class Model(Protocol):
    """What [`train`][nnlib.train.train] needs of a model: [`GuideNetwork`][nnlib.guide.GuideNetwork] and
    [`Network`][nnlib.network.Network] both have it, and so can a network of your own.

    ``isinstance(model, Model)`` checks that the names exist (not their signatures).

    Used in [Part 3, step 8: the training loop](../part3/step8-training-loop.md#run-it).
    Used in [Gradient checking](../beyond/gradient-checking.md#every-weight-at-once-nnlibgradcheck).

    Examples:
        >>> class Constant:  # a model of your own that learns nothing
        ...     params, grads = {}, {}
        ...     def forward(self, X, training=False): return np.full((len(X), 2), 0.5)
        ...     def loss(self, Y): return 0.0
        ...     def backward(self, Y): pass
        ...     def predict(self, X): return np.zeros(len(X), dtype=int)
        >>> isinstance(Constant(), Model)
        True
    """

    def forward(self, X: np.ndarray, training: bool = False) -> np.ndarray:
        """The outputs for a batch ``X``, remembering what `backward` needs."""
        ...

    def loss(self, Y: np.ndarray) -> float:
        """The loss of the last `forward` against one-hot targets ``Y``."""
        ...

    def backward(self, Y: np.ndarray) -> None:
        """Fill `grads` for the last `forward` and targets ``Y``."""
        ...

    @property
    def params(self) -> dict[str, np.ndarray]:
        """The weights by name: the live arrays the optimiser updates in place."""
        ...

    @property
    def grads(self) -> dict[str, np.ndarray]:
        """The gradients from the last `backward`, named as `params`."""
        ...

    def predict(self, X: np.ndarray) -> np.ndarray:
        """The class picked for each row of ``X``."""
        ...


class TrainingDiverged(ValueError):
    """The loss became NaN or infinite: the weights have blown up, usually from too large a learning rate.

    ``history`` keeps what the finished epochs recorded.

    Used in [Part 2: gradient descent, the learning rate](../part2/gradient-descent.md#the-learning-rate).
    """

    def __init__(self, message: str, history: "History") -> None:
        super().__init__(message)
        self.history = history


class TrainingStalled(ValueError):
    """The first epoch left the loss where it was and the network no better than guessing.

    Usually the learning rate: so large that the neurons saturate (their slope is 0 and
    nothing moves), or so small that nothing moves. ``history`` keeps the epoch's record.

    See [Part 2: gradient descent, the learning rate](../part2/gradient-descent.md#the-learning-rate).
    """

    def __init__(self, message: str, history: "History") -> None:
        super().__init__(message)
        self.history = history


@dataclass
class History:
    """What happened during training, one entry per epoch.

    Used in [Part 3, step 8: the training loop](../part3/step8-training-loop.md#run-it).
    """

    loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    test_accuracy: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)

    def as_arrays(self) -> dict[str, np.ndarray]:
        """The history as NumPy arrays by name, e.g. to save with ``np.savez``.

        Examples:
            >>> History(loss=[0.5, 0.25]).as_arrays()["loss"]
            array([0.5 , 0.25])
        """
        return {name: np.asarray(values, dtype=np.float64) for name, values in vars(self).items()}


def check_training_settings(epochs: int, batch_size: int) -> None:
    """Raise ``ValueError`` unless ``epochs`` and ``batch_size`` are whole numbers >= 1.

    [`train`][nnlib.train.train] calls it first, and so does ``python -m nnlib train`` before it loads any
    data: one rule, one message.

    Used in [Part 3, step 8: epochs and mini-batches](../part3/step8-training-loop.md#epochs-and-mini-batches).

    Examples:
        >>> check_training_settings(epochs=20, batch_size=64)  # the original guide's: fine
        >>> check_training_settings(epochs=20, batch_size=-64)
        Traceback (most recent call last):
        ...
        ValueError: batch_size must be a whole number >= 1, got -64: it is the number of examples per weight update (the original guide's: 64).
    """
    for name, value, meaning in (
        ("epochs", epochs, "the number of passes over the training data"),
        ("batch_size", batch_size, "the number of examples per weight update (the original guide's: 64)"),
    ):
        if isinstance(value, bool) or not isinstance(value, Integral) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1, got {value!r}: it is {meaning}.")


# The first epoch "stalls" when the mean loss of its last tenth of batches is above this
# share of where the loss started, while the network gets fewer examples right than twice
# what guessing gets. Epochs of fewer batches are not judged. See _stall_message.
STALL_LOSS_RATIO = 0.95
STALL_MIN_BATCHES = 20


def _stall_message(batch_losses: list[float], train_accuracy: float, n_classes: int,
                   lr: float | None) -> str | None:
    """Why the first epoch stalled, or ``None`` if it did not.

    Where the loss started is the lower of the first batch's loss (the untrained network's)
    and the median over the first tenth of the batches. Measured on all of MNIST, one epoch:
    the original guide's network with SGD at 0.5 goes from 1.24 and 0.45 to 0.135 and gets 72% of
    the training digits right; at 100 every sigmoid saturates within a few batches (1.24
    and 0.500 to 0.500, 11%): the median sees that from 2,000 examples up, where the mean
    of the first tenth, still holding the first batches, would not. A 784-128-10 ReLU
    network with SGD at 5 first explodes, then every ReLU dies (2.38 and 31 to 2.31, 11%):
    only the first batch shows that nothing was gained. The accuracy condition spares a
    network that is already trained and has little loss left to lose (``train`` called
    again, one epoch at a time), and a small data set on which the original guide's network has so
    far only learned to answer 0 everywhere (its loss falls from 1.24 to 0.45).
    """
    if len(batch_losses) < STALL_MIN_BATCHES:
        return None  # a tenth of a few batches is one noisy batch: no verdict
    tenth = len(batch_losses) // 10
    first_batch, first = batch_losses[0], float(np.median(batch_losses[:tenth]))
    last = float(np.mean(batch_losses[-tenth:]))
    guessing = min(2 / n_classes, (1 + 1 / n_classes) / 2)  # twice chance, at most halfway to 1
    if last <= STALL_LOSS_RATIO * min(first_batch, first) or train_accuracy >= guessing:
        return None
    rate = f"learning rate {lr}" if lr is not None else "this learning rate"
    return (
        f"training stalled: the loss did not fall in the first epoch ({first_batch:.4f} on "
        f"its first batch, a median of {first:.4f} over its first tenth of batches, a mean "
        f"of {last:.4f} over its last tenth) and the network got "
        f"{train_accuracy:.1%} of the training examples right, about what guessing gets. "
        f"With {rate}: too large a rate saturates the neurons (sigmoids stuck near 0 or 1, "
        f"ReLUs stuck at 0, where the slope is 0 and the weights stop moving), so try a "
        f"smaller one, e.g. the original guide's 0.5 with SGD (0.05 with Momentum, 1e-3 with Adam for "
        f"a ReLU network); if the rate is already tiny, try a larger one. The epoch's "
        f"history is in this error's .history."
    )


def gradient_in_chunks(model: Model, X: np.ndarray, Y: np.ndarray,
                       chunk_size: int) -> tuple[np.ndarray, float, dict[str, np.ndarray]]:
    """One batch's outputs, mean loss and gradients, computed ``chunk_size`` examples at a time.

    The batch's loss is the mean of its examples' losses, so its gradient is each chunk's
    gradient weighted by the chunk's share of the batch, added up: the same numbers up to
    rounding. What changes is the size of the arrays each layer works on: a convolutional
    network's are several megabytes for a batch of 64, and for a quarter of it they stay in
    the processor's cache (measured in ``python -m nnlib bench --model cnn``).

    Used in [Performance: convolutions](../performance-details.md#convolutions).

    Examples:
        >>> from nnlib import Network, one_hot
        >>> net = Network([4, 3, 2], rng=0, dtype=np.float64)
        >>> X, Y = np.random.default_rng(1).random((6, 4)), one_hot([0, 1, 1, 0, 1, 0], 2)
        >>> _, loss, grads = gradient_in_chunks(net, X, Y, chunk_size=4)  # chunks of 4 and 2
        >>> _ = net.forward(X, training=True); whole = net.loss(Y); net.backward(Y)
        >>> bool(np.isclose(loss, whole)), bool(np.allclose(grads["W1"], net.grads["W1"]))
        (True, True)
    """
    outputs, loss, grads = [], 0.0, {}
    for first in range(0, len(X), chunk_size):
        x, y = X[first : first + chunk_size], Y[first : first + chunk_size]
        share = len(x) / len(X)
        outputs.append(model.forward(x, training=True))
        chunk_loss = model.loss(y)
        if not np.isfinite(chunk_loss):
            raise FloatingPointError(f"the loss is {chunk_loss}")
        loss += share * chunk_loss
        model.backward(y)
        for name, gradient in model.grads.items():
            if name in grads:
                grads[name] += share * gradient
            else:
                grads[name] = share * gradient  # a new array: the next backward overwrites
    return np.concatenate(outputs), loss, grads


def replicas(model: Model, count: int) -> list[Model]:
    """``model`` and ``count - 1`` copies of it that share its weights (not their gradients).

    Each copy keeps its own layers' inputs and gradients, so threads can run forward and
    backward passes through different copies at once; an update of the weights, made in
    place by the optimiser, reaches every copy.

    Used in [Performance: convolutions](../performance-details.md#two-threads).

    Examples:
        >>> from nnlib import Network
        >>> net, copy = replicas(Network([4, 3, 2], rng=0), 2)
        >>> copy.params["W1"] is net.params["W1"], copy.grads["W1"] is net.grads["W1"]
        (True, False)
    """
    shared = {id(weights): weights for weights in model.params.values()}
    # deepcopy copies everything but what its memo already holds: here, the weights.
    copies = [copy.deepcopy(model, dict(shared)) for _ in range(count - 1)]
    for twin in copies:  # dropout: each copy its own random stream, not a replay of the model's
        for mine, theirs in zip(getattr(model, "layers", []), getattr(twin, "layers", [])):
            if isinstance(getattr(mine, "rng", None), np.random.Generator):
                theirs.rng = mine.rng.spawn(1)[0]
    return [model] + copies


def gradient_in_threads(models: list[Model], X: np.ndarray, Y: np.ndarray,
                        chunk_size: int | None,
                        pool: ThreadPoolExecutor) -> tuple[np.ndarray, float, dict[str, np.ndarray]]:
    """One batch's outputs, mean loss and gradients, its examples split between threads.

    ``models`` are [`replicas`][nnlib.train.replicas] of one network, one per thread: each
    computes the gradient of its share of the batch (in chunks of ``chunk_size``, if given),
    and the shares' gradients are added up, each weighted by its part of the batch, as in
    [`gradient_in_chunks`][nnlib.train.gradient_in_chunks]. NumPy lets go of Python's lock
    while it computes, so the threads run on separate cores. Best with one BLAS thread each
    (``OPENBLAS_NUM_THREADS=1``): OpenBLAS's own threads would compete with them.

    Used in [Performance: convolutions](../performance-details.md#two-threads).
    """
    bounds = [len(X) * i // len(models) for i in range(len(models) + 1)]
    parts = [slice(start, stop) for start, stop in zip(bounds[:-1], bounds[1:])]

    def gradient(model: Model, part: slice) -> tuple[np.ndarray, float, dict[str, np.ndarray]]:
        return gradient_in_chunks(model, X[part], Y[part], chunk_size or len(X))

    others = [pool.submit(gradient, model, part) for model, part in zip(models[1:], parts[1:])]
    results = [gradient(models[0], parts[0])] + [other.result() for other in others]
    outputs, loss, grads = [], 0.0, {}
    for part, (output, part_loss, part_grads) in zip(parts, results):
        share = (part.stop - part.start) / len(X)
        outputs.append(output)
        loss += share * part_loss
        for name, gradient_of_part in part_grads.items():
            grads[name] = grads[name] + share * gradient_of_part if name in grads \
                else share * gradient_of_part
    return np.concatenate(outputs), loss, grads


def train(
    model: Model,
    X: np.ndarray,
    Y: np.ndarray,
    *,
    epochs: int,
    batch_size: int = 64,
    optimizer: SGD | Momentum | Adam | None = None,
    rng: int | np.random.Generator = 0,
    X_test: np.ndarray | None = None,
    y_test: np.ndarray | None = None,
    progress: bool = True,
    lr_schedule: Callable[[int], float] | None = None,
    chunk_size: int | None = None,
    threads: int = 1,
) -> History:
    """Train ``model`` on inputs ``X`` and one-hot targets ``Y`` with mini-batch gradient descent.

    Each epoch visits the examples in a new order drawn from ``rng``, in batches of
    ``batch_size`` (the last one may be smaller). ``optimizer`` defaults to the original guide's
    ``SGD(lr=0.5)``; ``lr_schedule(epoch)``, if given, sets its learning rate each epoch.
    The history records the mean loss and accuracy over the batches of each epoch (as the
    network saw them while learning) and, when ``X_test``/``y_test`` are given, the test
    accuracy after the epoch. Any optimiser with ``step(params, grads)`` and ``lr`` works.
    ``chunk_size``, if given, computes each batch's gradient that many examples at a time
    (see [`gradient_in_chunks`][nnlib.train.gradient_in_chunks]): the same updates, faster
    where the whole batch's arrays would not fit in the processor's cache. ``threads``
    above 1 splits each batch between that many threads (see
    [`gradient_in_threads`][nnlib.train.gradient_in_threads]), for several cores.

    Built in [Part 3, step 8: the training loop](../part3/step8-training-loop.md#the-loop).

    Examples:
        >>> from nnlib import GuideNetwork, load_mnist, one_hot
        >>> X_train, y_train, X_test, y_test = load_mnist()  # doctest: +SKIP
        >>> Y_train = one_hot(y_train, dtype=np.float64)  # doctest: +SKIP
        >>> history = train(GuideNetwork(), X_train, Y_train, epochs=2,
        ...                 X_test=X_test, y_test=y_test, progress=False)  # doctest: +SKIP
        >>> history.test_accuracy  # doctest: +SKIP
        [0.884, 0.9052]

    Raises:
        ValueError: bad shapes or settings, before any training.
        TrainingDiverged: the loss became NaN or infinite.
        TrainingStalled: after the first epoch the loss has not fallen and the accuracy is
            no better than guessing (see [`TrainingStalled`][nnlib.train.TrainingStalled]).
    """
    check_training_settings(epochs, batch_size)
    if chunk_size is not None and (isinstance(chunk_size, bool) or not isinstance(chunk_size, Integral)
                                   or chunk_size < 1):
        raise ValueError(f"chunk_size must be a whole number >= 1 or None, got {chunk_size!r}: it "
                         f"is the number of examples of a batch computed at a time.")
    if isinstance(threads, bool) or not isinstance(threads, Integral) or threads < 1:
        raise ValueError(f"threads must be a whole number >= 1, got {threads!r}: it is the "
                         f"number of threads a batch is split between.")
    X, Y = np.asarray(X), np.asarray(Y)
    if X.ndim != 2 or Y.ndim != 2 or len(X) != len(Y):
        raise ValueError(
            f"X has shape {X.shape} and Y has shape {Y.shape}: expected (n, inputs) and one-hot "
            f"(n, classes) with the same n."
        )
    if (X_test is None) != (y_test is None):
        raise ValueError("pass both X_test and y_test, or neither.")
    optimizer = optimizer if optimizer is not None else SGD(0.5)
    rng = np.random.default_rng(rng)
    labels = Y.argmax(axis=1)
    history = History()
    models = replicas(model, threads)
    pool = ThreadPoolExecutor(threads - 1) if threads > 1 else None

    try:
        for epoch in range(epochs):
            if lr_schedule is not None:
                optimizer.lr = lr_schedule(epoch)
            start = time.perf_counter()
            order = rng.permutation(len(X))
            total_loss, correct, batch_losses = 0.0, 0, []
            batches = range(0, len(X), batch_size)
            bar = tqdm(batches, desc=f"epoch {epoch + 1}/{epochs}", leave=False, disable=not progress)
            # Overflow means the weights are blowing up: stop at once rather than train on inf/NaN.
            with np.errstate(over="raise", invalid="raise", divide="raise"):
                try:
                    for first in bar:
                        batch = order[first : first + batch_size]
                        targets = Y[batch]
                        if pool is not None and len(batch) >= threads:
                            output, loss, grads = gradient_in_threads(models, X[batch], targets,
                                                                      chunk_size, pool)
                        elif chunk_size is not None and len(batch) > chunk_size:
                            output, loss, grads = gradient_in_chunks(model, X[batch], targets,
                                                                     chunk_size)
                        else:
                            output = model.forward(X[batch], training=True)
                            loss = model.loss(targets)
                            if not np.isfinite(loss):
                                raise FloatingPointError(f"the loss is {loss}")
                            model.backward(targets)
                            grads = model.grads
                        optimizer.step(model.params, grads)
                        total_loss += loss * len(batch)
                        batch_losses.append(loss)
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
            if epoch == 0:
                stalled = _stall_message(batch_losses, history.train_accuracy[0], Y.shape[1],
                                         getattr(optimizer, "lr", None))
                if stalled:
                    raise TrainingStalled(stalled, history)
    finally:
        if pool is not None:
            pool.shutdown()
    return history
