"""The site's figure scripts (docs/overrides/figures/) and the guide run they share.

The hook that runs them is tested on toy scripts in test_figures_hook.py; here the real
scripts draw from a short real run (a slice of MNIST, 2 epochs), and a slow test checks the
full guide run that the built figures show.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import matplotlib.image
import numpy as np
import pytest

from nnlib import confusion_matrix, load_mnist

ROOT = Path(__file__).resolve().parents[1]
FIGURES_DIR = ROOT / "docs" / "overrides" / "figures"
HOOK = ROOT / "docs" / "overrides" / "hooks" / "figures.py"

# The images named in the team contract; pages refer to them as ../figures/<name>.
CONTRACT_FIGURES = {
    "sigmoid.png",
    "gradient-descent.png",
    "mnist-digits.png",
    "guide-training-curves.png",
    "test-predictions.png",
    "confidently-wrong.png",
    "confusion-matrix.png",
    "hidden-weights.png",
}
# The figures of Part 3 (this file's owner draws them; other scripts are tested by theirs).
PART3_FIGURES = [
    "mnist-digits",
    "guide-training-curves",
    "test-predictions",
    "confidently-wrong",
    "confusion-matrix",
    "hidden-weights",
]
TEXT_COLUMN_PIXELS = 1100  # about 7.5 inches at the figures' 144 dpi: wider gets scaled down


def load_module(path: Path, name: str):
    """Import a file under ``name``, with the figures folder on the path for its helpers."""
    if str(FIGURES_DIR) not in sys.path:
        sys.path.insert(0, str(FIGURES_DIR))
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def load_hook():
    return load_module(HOOK, "nnlib_figures_hook")


def load_script(stem: str):
    return load_module(FIGURES_DIR / f"{stem}.py", "figure_" + stem.replace("-", "_"))


def scripts():
    return load_hook().discover_scripts(FIGURES_DIR, ROOT)


# ------------------------------------------------------------------------------------------
# Declarations: every page's figure has a script, every run a script reads exists
# ------------------------------------------------------------------------------------------


def test_every_contract_figure_and_every_figure_a_page_shows_has_a_script():
    declared = {name for script in scripts() for name in script.figures}
    assert CONTRACT_FIGURES <= declared
    shown = set()
    for page in (ROOT / "docs").rglob("*.md"):
        shown |= set(re.findall(r"\]\((?:\.\./)*figures/([a-z0-9-]+\.png)\)", page.read_text()))
    assert shown, "no page shows a figure: the pattern above no longer matches the pages"
    assert shown <= declared, f"pages show figures no script draws: {sorted(shown - declared)}"


def test_every_run_a_script_uses_is_registered():
    runs = load_module(FIGURES_DIR / "_runs.py", "_runs").RUNS
    for script in scripts():
        assert set(script.uses_runs) <= set(runs), script.path.name
        reads_runs = re.search(r"runs\[", script.source.decode())
        assert bool(reads_runs) == bool(script.uses_runs), (
            f"{script.path.name}: reads runs[...] without USES_RUNS, or declares it unused"
        )


# ------------------------------------------------------------------------------------------
# Drawing every run-based figure from a short real run
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def short_run():
    """The guide run's code on the first 3,000 training digits for 2 epochs (under a second)."""
    return load_module(FIGURES_DIR / "_runs.py", "_runs").train_guide(epochs=2, n_train=3000)


def test_the_short_run_returns_what_the_figures_read(short_run):
    assert set(short_run) == {
        "loss", "train_accuracy", "test_accuracy", "seconds", "W1", "b1", "W2", "b2", "test_output"
    }
    assert all(short_run[key].shape == (2,) for key in ("loss", "test_accuracy", "seconds"))
    assert short_run["W1"].shape == (784, 64) and short_run["test_output"].shape == (10000, 10)
    assert all(value.dtype != object for value in short_run.values())
    # the outputs are those of the trained network: their accuracy is the last one recorded
    _, _, _, y_test = load_mnist()
    scored = np.mean(short_run["test_output"].argmax(axis=1) == y_test)
    assert scored == short_run["test_accuracy"][-1]
    # sigmoid with squared error starts slowly: 2 epochs on 3,000 digits measured 0.33, 0.41
    assert short_run["loss"][1] < short_run["loss"][0]
    assert 0.3 < short_run["test_accuracy"][0] < short_run["test_accuracy"][1]


@pytest.mark.parametrize("stem", PART3_FIGURES)
def test_each_part3_script_draws_its_figures(stem, short_run, tmp_path):
    (script,) = [script for script in scripts() if script.stem == stem]
    module = load_script(stem)
    runs = {name: short_run for name in script.uses_runs}
    module.draw(tmp_path, runs)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(script.figures)
    for name in script.figures:
        pixels = matplotlib.image.imread(tmp_path / name)
        height, width = pixels.shape[:2]
        assert 300 < width <= TEXT_COLUMN_PIXELS and 200 < height < 1200, (name, width, height)
        assert pixels[..., :3].std() > 0.05, f"{name} is nearly blank"


# ------------------------------------------------------------------------------------------
# What the figures choose to show
# ------------------------------------------------------------------------------------------


def test_most_confident_mistakes_are_wrong_and_sorted(short_run):
    pick = load_script("confidently-wrong").most_confident_mistakes
    _, _, _, y_test = load_mnist()
    output = short_run["test_output"]
    chosen = pick(output, y_test, 12)
    predicted = output.argmax(axis=1)
    assert len(chosen) == 12 and np.all(predicted[chosen] != y_test[chosen])
    confidence = output[chosen, predicted[chosen]]
    assert np.all(np.diff(confidence) <= 0)  # most confident first
    wrong = predicted != y_test
    assert confidence[0] == output[wrong].max()  # no mistake is surer than the first
    assert confidence[-1] >= np.sort(output[wrong].max(axis=1))[-12]


def test_most_confident_mistakes_with_fewer_mistakes_than_asked():
    pick = load_script("confidently-wrong").most_confident_mistakes
    _, _, _, y_test = load_mnist()
    labels = y_test[:20]
    output = np.eye(10)[labels] * 0.9  # right everywhere...
    output[3] = np.eye(10)[(labels[3] + 1) % 10] * 0.8  # ...but for two digits
    output[7] = np.eye(10)[(labels[7] + 2) % 10] * 0.95
    assert pick(output, labels, 5).tolist() == [7, 3]


def test_weight_images_are_the_columns_of_W1(short_run):
    images = load_script("hidden-weights").weight_images(short_run["W1"])
    assert images.shape == (64, 28, 28)
    for unit in (0, 17, 63):
        # pixel (row, col) of unit j is the weight from input row * 28 + col to hidden neuron j
        assert np.array_equal(images[unit].ravel(), short_run["W1"][:, unit])
        assert images[unit][5, 9] == short_run["W1"][5 * 28 + 9, unit]


# ------------------------------------------------------------------------------------------
# The full guide run, as the built site shows it
# ------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_guide_run_reaches_the_guides_accuracy():
    """Reads the build's cached run if it is current (instant), else trains it (about 10 s)."""
    hook = load_hook()
    runs_module = FIGURES_DIR / "_runs.py"
    key = hook.run_key("guide", runs_module, hook.nnlib_sources())
    cached = ROOT / hook.CACHE_SUBDIR / "runs" / f"guide-{key}.npz"
    if cached.exists():
        with np.load(cached, allow_pickle=False) as data:
            run = {name: data[name] for name in data.files}
    else:
        run = load_module(runs_module, "_runs").guide_run()
    accuracy = run["test_accuracy"]
    assert len(accuracy) == 20 and len(run["loss"]) == 20
    assert accuracy[1] > 0.90  # the guide's claim: past 90% at epoch 2
    assert accuracy[-1] > 0.95  # measured 0.9549
    assert np.all(np.diff(run["loss"]) < 0)  # the epoch loss falls every epoch
    _, _, _, y_test = load_mnist()
    predicted = run["test_output"].argmax(axis=1)
    counts = confusion_matrix(y_test, predicted)
    assert counts.trace() / counts.sum() == accuracy[-1]
