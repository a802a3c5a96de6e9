"""The numbers the pages quote from the build's own training runs, as a data file.

Not a figure: ``assets/numbers/numbers.json`` maps a name to the text a page shows in its
place (``{{ guide.accuracy.epoch-20 }}`` in a page's prose becomes ``95.5%``; see
nnlib/tools/site/numbers.py). The values come from the same runs the figures draw, so the
prose cannot disagree with the curves beside it. The ladder's numbers (``ladder.relu.test``,
...) come from the shared run "ladder", which the ladder's figures draw; before writing them,
this checks what the Beyond pages say of them in words (``check_claims`` in
snippets/beyond/ladder.py: ReLU's is the largest gain, ...), so a build whose runs tell
another story fails rather than print it. The convolutions page's numbers (``cnn.*``,
``best-mlp.*``) come from the shared runs "cnn" and "best-mlp", which its figures draw.
"""

import json

import numpy as np

FIGURES = []  # no image
ASSETS = ["assets/numbers/numbers.json"]
USES_RUNS = ["guide", "beyond", "ladder", "cnn", "best-mlp"]
DEPENDS_ON = ["snippets/beyond/ladder.py"]  # check_claims() comes from there


def percent(fraction: float) -> str:
    """0.9549 -> '95.5%': the pages quote accuracies to one decimal."""
    return f"{100 * fraction:.1f}%"


def run_numbers(name: str, run: dict) -> dict[str, str]:
    """The test accuracy after each epoch, and how many epochs it takes to pass 90%."""
    accuracy = run["test_accuracy"]
    numbers = {f"{name}.accuracy.epoch-{epoch}": percent(value)
               for epoch, value in enumerate(accuracy, start=1)}
    numbers[f"{name}.accuracy.last"] = percent(accuracy[-1])
    numbers[f"{name}.epochs"] = str(len(accuracy))
    past_90 = [epoch for epoch, value in enumerate(accuracy, start=1) if value > 0.9]
    numbers[f"{name}.epochs-to-90"] = str(past_90[0]) if past_90 else "never"
    right = int(round(accuracy[-1] * len(run["test_output"])))
    numbers[f"{name}.right.last"] = f"{right:,}"
    numbers[f"{name}.wrong.last"] = f"{len(run['test_output']) - right:,}"
    return numbers


# The ladder's runs, by the names its pages use for them.
LADDER_SLUGS = {
    "the original guide's network": "guide",
    "ReLU in the hidden layer": "relu",
    "softmax + cross-entropy": "softmax",
    "He initialisation": "he",
    "128 hidden neurons": "hidden-128",
    "momentum": "momentum",
    "dropout": "dropout",
    "Adam instead of momentum": "adam",
    "float64": "float64",
}
LADDER_BASE = {"adam": "hidden-128"}  # the step a run builds on, when not the one before


def ladder_numbers(run: dict) -> dict[str, str]:
    """Per run of the ladder: test accuracy first and last (``ladder.relu.first``,
    ``ladder.relu.test``, and ``.test-2`` to two decimals), training accuracy last
    (``.train``), the gain in points over the step it builds on (``.gain``), its
    worst drop from one epoch to the next (``.dip`` at epoch ``.dip-epoch``); and
    how many times as fast float32's fastest epoch is as float64's."""
    names = [str(name) for name in run["names"]]
    slugs = [LADDER_SLUGS[name] for name in names]
    test, train = run["test_accuracy"], run["train_accuracy"]
    numbers = {}
    for i, slug in enumerate(slugs):
        numbers[f"ladder.{slug}.first"] = percent(test[i][0])
        numbers[f"ladder.{slug}.test"] = percent(test[i][-1])
        numbers[f"ladder.{slug}.test-2"] = f"{100 * test[i][-1]:.2f}%"
        numbers[f"ladder.{slug}.train"] = percent(train[i][-1])
        drops = np.diff(test[i])
        worst = int(np.argmin(drops))
        numbers[f"ladder.{slug}.dip"] = percent(test[i][worst + 1])
        numbers[f"ladder.{slug}.dip-epoch"] = str(worst + 2)
        if i and slug != "float64":
            base = slugs.index(LADDER_BASE.get(slug, slugs[i - 1]))
            numbers[f"ladder.{slug}.gain"] = f"{100 * (test[i][-1] - test[base][-1]):+.1f}"
    float64, float32 = (min(run["seconds"][slugs.index(s)]) for s in ("float64", "dropout"))
    numbers["ladder.float32.speed-up"] = f"{float64 / float32:.1f}×"
    numbers["ladder.epochs"] = str(len(test[0]))
    return numbers


def check_ladder(run: dict) -> None:
    """What the pages say of the ladder in words holds for this build's run."""
    from snippets.beyond import ladder

    names = [str(name) for name in run["names"]]
    ladder.check_claims({name: list(run["test_accuracy"][i]) for i, name in enumerate(names)},
                        {name: run["train_accuracy"][i][-1] for i, name in enumerate(names)})


def mistakes_count(run: dict, labels: np.ndarray) -> int:
    """How many test digits a run's network gets wrong: its highest output is not the label
    (what cnn-mistakes.png counts in its title)."""
    return int(np.count_nonzero(run["test_output"].argmax(axis=1) != labels))


def check_cnn(cnn: dict, best_mlp: dict) -> None:
    """What the convolutions page says in words of the two runs holds for this build's: the
    CNN ends better than the best MLP ever was, in fewer epochs."""
    cnn_accuracy, mlp_accuracy = cnn["test_accuracy"], best_mlp["test_accuracy"]
    if not (cnn_accuracy[-1] > mlp_accuracy.max() and len(cnn_accuracy) < len(mlp_accuracy)):
        raise ValueError(f"docs/beyond/convolutions.md says the CNN ends above the best MLP's "
                         f"whole curve in fewer epochs; this build's runs: CNN {cnn_accuracy}, "
                         f"MLP {mlp_accuracy}")


def cnn_numbers(cnn: dict, best_mlp: dict, labels: np.ndarray) -> dict[str, str]:
    """The convolutions page's numbers: the CNN's and the best MLP's accuracy per epoch and
    last (``cnn.accuracy.last``, ``best-mlp.accuracy.last``, ...), their epochs, and how
    many test digits each gets wrong (``cnn.mistakes``, ``best-mlp.mistakes``), counted
    from their outputs; and how many times as long as an MLP epoch a CNN epoch takes."""
    check_cnn(cnn, best_mlp)
    numbers = {**run_numbers("cnn", cnn), **run_numbers("best-mlp", best_mlp)}
    for name, run in (("cnn", cnn), ("best-mlp", best_mlp)):
        numbers[f"{name}.accuracy.last-2"] = f"{100 * run['test_accuracy'][-1]:.2f}%"
        numbers[f"{name}.mistakes"] = f"{mistakes_count(run, labels):,}"
    # how many times as long a CNN epoch takes as an MLP epoch, both trained by the build
    # on one core each (medians: one disturbed epoch does not move them)
    ratio = np.median(cnn["seconds"]) / np.median(best_mlp["seconds"])
    numbers["cnn.epoch-time-ratio"] = f"{ratio:.0f}×"
    return numbers


def draw(out_dir, runs):
    from nnlib import load_mnist

    check_ladder(runs["ladder"])
    _, _, _, y_test = load_mnist()
    numbers = {**run_numbers("guide", runs["guide"]), **run_numbers("beyond", runs["beyond"]),
               **ladder_numbers(runs["ladder"]),
               **cnn_numbers(runs["cnn"], runs["best-mlp"], y_test)}
    path = out_dir / "assets" / "numbers" / "numbers.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(numbers, indent=1, sort_keys=True))
