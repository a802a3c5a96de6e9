"""Beyond the guide: from the guide's network to a modern one, one change at a
time.

Each step keeps every change before it and adds one. To keep the comparison
quick (a few seconds in all), every network trains for 10 epochs on the first
10,000 training digits and is tested on all 10,000 test digits. The page's
figure is drawn from these same runs.

Run it on its own:  python snippets/beyond/ladder.py
"""

# --8<-- [start:imports]
import numpy as np

from nnlib import Network, load_mnist, one_hot, train
from nnlib.optim import OPTIMIZERS  # SGD, Momentum and Adam by name

# --8<-- [end:imports]

# --8<-- [start:steps]
GUIDE = {  # the guide's network and training, as Part 3 builds them
    "sizes": [784, 64, 10], "activation": "sigmoid", "output": "sigmoid",
    "init": "guide", "dropout": 0.0, "optimizer": "sgd", "lr": 0.5,
}
# (what changes, the settings it changes); each step keeps the ones before
CHANGES = [
    ("the guide's network", {}),
    ("ReLU in the hidden layer", {"activation": "relu"}),
    ("softmax + cross-entropy", {"output": "softmax", "lr": 0.1}),
    ("He initialisation", {"init": "he"}),
    ("128 hidden neurons", {"sizes": [784, 128, 10]}),
    ("momentum", {"optimizer": "momentum", "lr": 0.05}),
    ("dropout", {"dropout": 0.2}),
]
# a side branch
ADAM = ("Adam instead of momentum", {"optimizer": "adam", "lr": 1e-3})


def ladder() -> list[tuple[str, dict]]:
    """Every step's full settings: the guide's, updated by each change in
    turn."""
    settings, steps = dict(GUIDE), []
    for name, change in CHANGES:
        settings = {**settings, **change}
        steps.append((name, settings))
    return steps
# --8<-- [end:steps]


# --8<-- [start:train-step]
def train_step(settings: dict, X, Y, X_test, y_test, *,
               epochs: int = 10, batch_size: int = 64, dtype=np.float32):
    """Train one step's network from seed 0; return its history (test
    accuracy per epoch)."""
    net = Network(settings["sizes"], activation=settings["activation"],
                  output=settings["output"], init=settings["init"],
                  dropout=settings["dropout"], rng=0, dtype=dtype)
    optimizer = OPTIMIZERS[settings["optimizer"]](lr=settings["lr"])
    return train(net, X.astype(dtype, copy=False), Y.astype(dtype, copy=False),
                 epochs=epochs, batch_size=batch_size, optimizer=optimizer,
                 rng=0, X_test=X_test, y_test=y_test, progress=False)
# --8<-- [end:train-step]


N_TRAIN, EPOCHS = 10_000, 10


def run_all(n_train: int = N_TRAIN, epochs: int = EPOCHS) -> dict:
    """The training history (test accuracy after every epoch...) of every
    step and of the Adam branch."""
    X_train, y_train, X_test, y_test = load_mnist()
    X, Y = X_train[:n_train], one_hot(y_train[:n_train])
    steps = ladder()
    # Adam where momentum came in
    adam_settings = {**dict(steps)["128 hidden neurons"], **ADAM[1]}
    curves = {}
    for name, settings in steps + [(ADAM[0], adam_settings)]:
        curves[name] = train_step(settings, X, Y, X_test, y_test, epochs=epochs)
    return curves


def train_both_float_types(n_train: int = N_TRAIN,
                           epochs: int = EPOCHS) -> dict:
    """The last step trained in float64 and in float32:
    {"float64": history, "float32": history}."""
    X_train, y_train, X_test, y_test = load_mnist()
    X, Y = X_train[:n_train], one_hot(y_train[:n_train])
    last = ladder()[-1][1]
    return {np.dtype(dtype).name: train_step(last, X, Y, X_test, y_test,
                                             epochs=epochs, dtype=dtype)
            for dtype in (np.float64, np.float32)}


def compare_float_types(n_train: int = N_TRAIN,
                        epochs: int = EPOCHS) -> dict[str, tuple[float, float]]:
    """The last step trained in float64 and in float32: (test accuracy,
    seconds of its fastest epoch)."""
    histories = train_both_float_types(n_train, epochs)
    return {name: (history.test_accuracy[-1], min(history.seconds))
            for name, history in histories.items()}


def main() -> None:
    histories = run_all()
    curves = {name: history.test_accuracy
              for name, history in histories.items()}
    print(f"{'step':26} {'train':>7} {'test':>7}  "
          "gain over the step it builds on")
    names = list(curves)
    for i, (name, accuracies) in enumerate(curves.items()):
        base = ("128 hidden neurons" if name == ADAM[0]
                else names[i - 1] if i else None)
        gain = "" if base is None else (
            f"{100 * (accuracies[-1] - curves[base][-1]):+5.1f} points")
        print(f"{name:26} {histories[name].train_accuracy[-1]:>7.2%} "
              f"{accuracies[-1]:>7.2%}  {gain}")

    floats = compare_float_types()
    for name, (accuracy, seconds) in floats.items():
        print(f"{name}: test accuracy {accuracy:.2%}, "
              f"{seconds:.3f} s per epoch of 10,000 digits")
    print(f"float32 is {floats['float64'][1] / floats['float32'][1]:.1f}"
          " times as fast")

    # What the page says about these runs:
    final = {name: accuracies[-1] for name, accuracies in curves.items()}
    # the guide's network is slow to learn
    assert final["the guide's network"] < 0.91
    assert (final["ReLU in the hidden layer"]
            > final["the guide's network"] + 0.02)
    assert (final["softmax + cross-entropy"]
            > final["ReLU in the hidden layer"] - 0.005)
    # little change here
    assert abs(final["He initialisation"]
               - final["softmax + cross-entropy"]) < 0.01
    assert final["128 hidden neurons"] > final["He initialisation"]
    assert final["momentum"] > final["128 hidden neurons"] + 0.005
    assert final["dropout"] > final["momentum"]
    train_final = {name: history.train_accuracy[-1]
                   for name, history in histories.items()}
    # it learns the training digits by heart
    assert train_final["momentum"] - final["momentum"] > 0.03
    assert (train_final["dropout"] - final["dropout"]
            < train_final["momentum"] - final["momentum"])
    assert final["dropout"] > 0.95
    assert abs(final["Adam instead of momentum"] - final["momentum"]) < 0.01
    # the same accuracy
    assert abs(floats["float64"][0] - floats["float32"][0]) < 0.002
    # measured: about 1.9 times
    assert floats["float64"][1] > 1.2 * floats["float32"][1]
    # Momentum's first epoch beats plain SGD's by far: the steps it takes are
    # larger and steadier.
    assert curves["momentum"][0] > curves["128 hidden neurons"][0] + 0.02


if __name__ == "__main__":
    main()
