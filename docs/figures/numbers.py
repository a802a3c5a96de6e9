"""The numbers the pages quote from the build's own training runs, as a data file.

Not a figure: ``assets/numbers/numbers.json`` maps a name to the text a page shows in its
place (``{{ guide.accuracy.epoch-20 }}`` in a page's prose becomes ``95.5%``; see
nnlib/tools/site/numbers.py). The values come from the same runs the figures draw, so the
prose cannot disagree with the curves beside it.
"""

import json

FIGURES = []  # no image
ASSETS = ["assets/numbers/numbers.json"]
USES_RUNS = ["guide", "beyond"]


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


def draw(out_dir, runs):
    numbers = {**run_numbers("guide", runs["guide"]), **run_numbers("beyond", runs["beyond"])}
    path = out_dir / "assets" / "numbers" / "numbers.json"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(numbers, indent=1, sort_keys=True))
