"""Beyond the original guide: from its network to a modern one, one change at
a time.

Each step keeps every change before it and adds one. To keep the comparison
quick (a few seconds in all), every network trains for 10 epochs on the first
10,000 training digits and is tested on all 10,000 test digits. The site's
build trains these same runs once (docs/figures/_runs.py): the pages' figures
and the numbers in their prose come from them, and check_claims() below checks
what the prose says of them.

Run it on its own:  python snippets/beyond/ladder.py
"""

# --8<-- [start:imports]
import numpy as np

from nnlib import Network, load_mnist, one_hot, train
from nnlib.optim import OPTIMIZERS  # SGD, Momentum and Adam by name

# --8<-- [end:imports]

# --8<-- [start:steps]
GUIDE = {  # the original guide's network and training, as Part 3 builds them
    "sizes": [784, 64, 10], "activation": "sigmoid", "output": "sigmoid",
    "init": "guide", "dropout": 0.0, "optimizer": "sgd", "lr": 0.5,
}
# (what changes, the settings it changes); each step keeps the ones before
CHANGES = [
    ("the original guide's network", {}),
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
    """Every step's full settings: the original guide's, updated by each
    change in turn."""
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


def train_float64(n_train: int = N_TRAIN, epochs: int = EPOCHS):
    """The last step again, in float64 (run_all() trains it in float32)."""
    X_train, y_train, X_test, y_test = load_mnist()
    X, Y = X_train[:n_train], one_hot(y_train[:n_train])
    return train_step(ladder()[-1][1], X, Y, X_test, y_test, epochs=epochs,
                      dtype=np.float64)


def check_claims(test: dict, train_final: dict) -> None:
    """What the pages say of these runs. ``test``: each step's test accuracy
    after every epoch (and "float64": the last step in float64);
    ``train_final``: each step's last training accuracy."""
    final = {name: accuracies[-1] for name, accuracies in test.items()}
    steps = [name for name, _ in CHANGES]
    gains = {name: final[name] - final[before]
             for before, name in zip(steps, steps[1:])}
    # the original guide's network is slow to learn; ReLU's is the largest gain
    assert final[steps[0]] < 0.91
    assert gains["ReLU in the hidden layer"] > 0.02
    assert max(gains, key=gains.get) == "ReLU in the hidden layer"
    assert gains["softmax + cross-entropy"] > -0.005
    # little change here
    assert abs(gains["He initialisation"]) < 0.01
    assert gains["128 hidden neurons"] > 0
    assert gains["momentum"] > 0.005
    assert gains["dropout"] > 0
    # it learns the training digits by heart; dropout narrows the gap
    assert train_final["momentum"] - final["momentum"] > 0.03
    assert (train_final["dropout"] - final["dropout"]
            < train_final["momentum"] - final["momentum"])
    assert final["dropout"] > 0.95
    assert abs(final["Adam instead of momentum"] - final["momentum"]) < 0.01
    # float64 and float32: the same accuracy
    assert abs(final["float64"] - final["dropout"]) < 0.002
    # Momentum's first epoch beats plain SGD's by far: the steps it takes are
    # larger and steadier.
    assert test["momentum"][0] > test["128 hidden neurons"][0] + 0.02
    # Plain gradient descent's curves dip, all at the same epoch (they draw the
    # same shuffles); the runs with momentum or Adam barely notice.
    drops = {name: np.diff(accuracies) for name, accuracies in test.items()}
    plain = ["softmax + cross-entropy", "He initialisation",
             "128 hidden neurons"]
    assert all(drops[name].min() < -0.02 for name in plain)
    assert len({int(drops[name].argmin()) for name in plain}) == 1
    assert all(drops[name].min() > -0.01
               for name in ("momentum", "Adam instead of momentum"))


def main() -> None:
    histories = run_all()
    histories["float64"] = train_float64()
    test = {name: history.test_accuracy
            for name, history in histories.items()}
    train_final = {name: history.train_accuracy[-1]
                   for name, history in histories.items()}
    print(f"{'step':28} {'train':>7} {'test':>7}  "
          "gain over the step it builds on")
    names = list(test)
    for i, name in enumerate(names[:-1]):  # float64 is printed below
        base = ("128 hidden neurons" if name == ADAM[0]
                else names[i - 1] if i else None)
        gain = "" if base is None else (
            f"{100 * (test[name][-1] - test[base][-1]):+5.1f} points")
        print(f"{name:28} {train_final[name]:>7.2%} "
              f"{test[name][-1]:>7.2%}  {gain}")

    # the last step, float32 (as above) against float64: seconds of the
    # fastest epoch, the least disturbed by other programs
    seconds = {"float64": min(histories["float64"].seconds),
               "float32": min(histories["dropout"].seconds)}
    for name, last in (("float64", "float64"), ("float32", "dropout")):
        print(f"{name}: test accuracy {test[last][-1]:.2%}, "
              f"{seconds[name]:.3f} s per epoch of 10,000 digits")
    print(f"float32 is {seconds['float64'] / seconds['float32']:.1f}"
          " times as fast on this machine")
    check_claims(test, train_final)


if __name__ == "__main__":
    main()
