"""Training runs shared by several figures (see README.md in this folder).

Each entry of ``RUNS`` maps a run's name to a function that trains and returns a ``dict`` of
NumPy arrays. A figure script lists the names it reads in ``USES_RUNS`` and gets the arrays as
``runs[name]``. A run is trained at most once per build and cached by a hash of this file and
of nnlib's sources, so any edit here retrains the runs on the next build.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nnlib import SGD, Adam, GuideNetwork, Network, load_mnist, one_hot, train

# The guide run is exactly the training of Part 3, step 8 (main_with_nnlib in
# snippets/part3/step8_training_loop.py), so the figures show the numbers that page prints.
# float64 as in the original guide: float32 gives the same accuracies to 4 digits in half the time
# (measured 4.9 s against 9.7 s for 20 epochs), but the pages present the original guide's network.
GUIDE_EPOCHS = 20
GUIDE_LEARNING_RATE = 0.5
GUIDE_BATCH_SIZE = 64
GUIDE_SEED = 0


def trained_run(net, X_train, Y_train, X_test, y_test, **settings) -> dict[str, np.ndarray]:
    """Train ``net`` with ``nnlib.train(**settings)``, testing after every epoch.

    Returns the history curves (one value per epoch), the trained weights and biases, and
    ``test_output``: the network's (10000, 10) outputs on the test digits.
    """
    history = train(net, X_train, Y_train, X_test=X_test, y_test=y_test, progress=False,
                    **settings)
    return {**history.as_arrays(), **net.params, "test_output": net.forward(X_test)}


def train_guide(epochs: int = GUIDE_EPOCHS, n_train: int | None = None) -> dict[str, np.ndarray]:
    """Train the original guide's 784-64-10 sigmoid network (float64) on MNIST, as Part 3 does.

    ``n_train`` limits the training set to its first examples (the tests use a slice; the
    figures use all 60,000). Returns the history curves ``loss``, ``train_accuracy``,
    ``test_accuracy`` and ``seconds`` (one value per epoch), the trained ``W1 b1 W2 b2``, and
    ``test_output``: the (10000, 10) sigmoid outputs on the test digits, from which the
    figures take predictions, mistakes and confidences. Images and labels are not stored: the
    figures read them with ``load_mnist()``.
    """
    X_train, y_train, X_test, y_test = load_mnist()
    X_train, y_train = X_train[:n_train], y_train[:n_train]
    net = GuideNetwork(784, 64, 10, rng=GUIDE_SEED, dtype=np.float64)
    # float64 outputs, so their argmax is exactly what was scored
    return trained_run(net, X_train, one_hot(y_train, dtype=np.float64), X_test, y_test,
                       epochs=epochs, batch_size=GUIDE_BATCH_SIZE,
                       optimizer=SGD(GUIDE_LEARNING_RATE), rng=GUIDE_SEED)

def guide_run() -> dict[str, np.ndarray]:
    """The guide run: 20 epochs on all 60,000 training digits (about 10 s on one core)."""
    return train_guide()


RUNS: dict[str, Callable[[], dict[str, np.ndarray]]] = {"guide": guide_run}


# The "beyond" network that the "Draw a digit" page (docs/draw.md) runs beside the original guide's:
# ReLU, softmax, He initialisation and Adam, small enough to train during a cold build
# (measured 5.9 s for 5 epochs on one core, 97.4% test accuracy).
BEYOND_SIZES = [784, 128, 10]
BEYOND_EPOCHS = 5
BEYOND_BATCH_SIZE = 128
BEYOND_LEARNING_RATE = 1e-3
BEYOND_SEED = 0


def beyond_run() -> dict[str, np.ndarray]:
    """A 784-128-10 ReLU + softmax network (float32), Adam, 5 epochs on all of MNIST.

    Returns the history curves, the trained ``W1 b1 W2 b2`` (float32) and ``test_output``,
    the (10000, 10) softmax probabilities on the test digits.
    """
    X_train, y_train, X_test, y_test = load_mnist()
    net = Network(BEYOND_SIZES, "relu", "softmax", "he", rng=BEYOND_SEED, dtype=np.float32)
    return trained_run(net, X_train, one_hot(y_train), X_test, y_test, epochs=BEYOND_EPOCHS,
                       batch_size=BEYOND_BATCH_SIZE, optimizer=Adam(BEYOND_LEARNING_RATE),
                       rng=BEYOND_SEED)

RUNS["beyond"] = beyond_run


# The ladder of "Beyond the original guide" (snippets/beyond/ladder.py): every step, the Adam
# branch and the last step again in float64, 10 epochs each on 10,000 digits (about 10 s on
# one core). Its figures (beyond_ladder.py) and the numbers in its pages' prose (numbers.py)
# read this one run. An edit to the snippet retrains it: RUN_DEPENDS_ON puts the snippet in
# the run's cache key.
LADDER_SNIPPET = "snippets/beyond/ladder.py"
RUN_DEPENDS_ON = {"ladder": ["snippets/beyond/ladder.py"],  # a literal: read unimported
                  "best-mlp": ["snippets/beyond/targets.py"]}


def ladder_run() -> dict[str, np.ndarray]:
    """Every run of the ladder: ``names`` (the steps, then the Adam branch, then
    ``"float64"``), and per run (rows in that order) ``test_accuracy``,
    ``train_accuracy`` and ``seconds`` after each epoch.
    """
    from snippets.beyond import ladder

    histories = ladder.run_all()
    histories["float64"] = ladder.train_float64()
    return {
        "names": np.array(list(histories)),
        **{key: np.array([getattr(history, key) for history in histories.values()])
           for key in ("test_accuracy", "train_accuracy", "seconds")},
    }


RUNS["ladder"] = ladder_run


# The convolutional network of "Beyond: convolutions" (docs/beyond/convolutions.md) and of the
# "Draw a digit" page: nnlib.conv.cnn trained as `python -m nnlib train --model cnn` trains it
# (Adam from CNN_LR along a cosine, batches of 64 computed CNN_CHUNK at a time), for CNN_EPOCHS
# epochs on all of MNIST.
CNN_EPOCHS = 3
CNN_BATCH_SIZE = 64
CNN_SEED = 0


def cnn_run() -> dict[str, np.ndarray]:
    """nnlib.conv.cnn (float32), CNN_EPOCHS epochs on all 60,000 training digits.

    Returns the history curves (one value per epoch), the trained weights ``W1`` (16, 5, 5,
    1), ``b1`` (16,), ``W2`` (32, 5, 5, 16), ``b2`` (32,), ``W3`` (512, 10), ``b3`` (1, 10),
    all float32, and ``test_output``: the (10000, 10) softmax probabilities on the test digits.
    """
    from nnlib.conv import CNN_CHUNK, CNN_LR, cnn
    from nnlib.optim import cosine_schedule

    X_train, y_train, X_test, y_test = load_mnist()
    net = cnn(rng=CNN_SEED)
    history = train(net, X_train, one_hot(y_train), X_test=X_test, y_test=y_test,
                    progress=False, epochs=CNN_EPOCHS, batch_size=CNN_BATCH_SIZE,
                    optimizer=Adam(CNN_LR), lr_schedule=cosine_schedule(CNN_LR, CNN_EPOCHS),
                    rng=CNN_SEED, chunk_size=CNN_CHUNK)
    # In slices: one forward() of all 10,000 digits would hold every patch of them (1.6 GB).
    test_output = np.concatenate(
        [net.forward(X_test[i : i + 1000]) for i in range(0, len(X_test), 1000)])
    return {**history.as_arrays(), **{k: w.copy() for k, w in net.params.items()},
            "test_output": test_output}


RUNS["cnn"] = cnn_run


# The best multilayer perceptron of the site, beside which the convolutions page draws the CNN:
# snippets/beyond/targets.py's 784-256-128-10 recipe (ReLU, softmax, He, dropout, momentum,
# a cosine, batches of 128), its 20 epochs on all of MNIST (measured 15 s on one core of an
# idle 2-core machine, 20 s beside another busy process). The snippet is in the run's key
# (RUN_DEPENDS_ON above), so an edit to the recipe retrains it.
BEST_MLP = "784-256-128-10"


def best_mlp_run() -> dict[str, np.ndarray]:
    """snippets/beyond/targets.py's recipe BEST_MLP, trained exactly as that snippet trains it.

    Returns the history curves (one value per epoch) and ``test_output``, the (10000, 10)
    softmax probabilities on the test digits (no weights: the figures only compare results).
    """
    from snippets.beyond import targets

    X_train, y_train, X_test, y_test = load_mnist()
    net, history = targets.train_recipe(BEST_MLP, X_train, one_hot(y_train), X_test, y_test)
    return {**history.as_arrays(), "test_output": net.forward(X_test)}


RUNS["best-mlp"] = best_mlp_run
