"""The convolutions page's figures and numbers from the build's runs "cnn" and "best-mlp".

The figures (docs/figures/cnn_layers.py, cnn_accuracy.py, cnn_mistakes.py) and the page's
numbers (docs/figures/numbers.py, ``cnn_numbers``) are drawn here from the real runs when
the build has cached them for the current sources (instant), else from cheap stand-ins
trained the same way on a slice of MNIST (a few seconds): the checks are of what the
figures do with a run's arrays, which holds for either.
"""

from __future__ import annotations

import importlib
import re

import numpy as np
import pytest

from figures import _runs
from figures import numbers as numbers_script
from nnlib import Adam, load_mnist, one_hot, train
from nnlib.conv import CNN_LR, cnn
from nnlib.optim import cosine_schedule
from nnlib.tools.site import figures
from nnlib.tools.site.numbers import PLACEHOLDER
from nnlib.tools.site.pages import ROOT, docs_dir
from tests.site.figure_checks import assert_figures_drawn

PAGE = ROOT / "docs" / "beyond" / "convolutions.md"
CNN_KEYS = {"loss", "train_accuracy", "test_accuracy", "seconds",
            "W1", "b1", "W2", "b2", "W3", "b3", "test_output"}
# One digit's output shape after each stage of nnlib.conv.cnn (its docstring's, batch dropped).
CNN_SHAPES = [(28, 28, 1), (24, 24, 16), (12, 12, 16), (8, 8, 32), (4, 4, 32), (10,)]


def script(stem: str):
    return importlib.import_module(f"figures.{stem}")


def cached(name: str) -> dict | None:
    path = figures.cached_run(ROOT, docs_dir(), name)
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as data:
        return {key: data[key] for key in data.files}


def stand_in_cnn() -> dict:
    """cnn_run's training and outputs, 1 epoch on the first 3,000 training digits."""
    X_train, y_train, X_test, y_test = load_mnist()
    net = cnn(rng=_runs.CNN_SEED)
    history = train(net, X_train[:3000], one_hot(y_train[:3000]), X_test=X_test, y_test=y_test,
                    progress=False, epochs=1, batch_size=_runs.CNN_BATCH_SIZE,
                    optimizer=Adam(CNN_LR), lr_schedule=cosine_schedule(CNN_LR, 1), rng=0)
    output = np.concatenate([net.forward(X_test[i : i + 1000]) for i in range(0, 10000, 1000)])
    return {**history.as_arrays(), **{k: w.copy() for k, w in net.params.items()},
            "test_output": output}


def stand_in_mlp() -> dict:
    """best_mlp_run's recipe, 2 epochs on the first 3,000 training digits."""
    from snippets.beyond import targets

    X_train, y_train, X_test, y_test = load_mnist()
    net, history = targets.train_recipe(_runs.BEST_MLP, X_train[:3000], one_hot(y_train[:3000]),
                                        X_test, y_test, epochs=2)
    return {**history.as_arrays(), "test_output": net.forward(X_test)}


@pytest.fixture(scope="module")
def runs() -> dict:
    return {"cnn": cached("cnn") or stand_in_cnn(),
            "best-mlp": cached("best-mlp") or stand_in_mlp()}


@pytest.fixture(scope="module")
def y_test() -> np.ndarray:
    return load_mnist()[3]


def draw_capturing(stem, runs, tmp_path, monkeypatch):
    """Draw a script into ``tmp_path``; return the Matplotlib figure it saved."""
    module = script(stem)
    saved = []

    def keep(fig, path):
        saved.append(fig)
        fig.savefig(path, dpi=144, bbox_inches="tight")

    monkeypatch.setattr(module, "save", keep)
    declared = [found for found in figures.discover_scripts(figures.figures_dir(docs_dir()), ROOT)
                if found.stem == stem][0]
    module.draw(tmp_path, {name: runs[name] for name in declared.uses_runs})
    assert_figures_drawn(tmp_path, declared.figures, max_height=2000)
    (fig,) = saved
    return fig


def texts_of(fig) -> list[str]:
    """Every title of a figure and of its subfigures, and every axes title."""
    found = []
    for sub in [fig, *fig.subfigs]:
        if sub._suptitle is not None:
            found.append(sub._suptitle.get_text())
        found += [ax.get_title() for ax in sub.axes]
    return found


def test_the_runs_hold_what_the_figures_read(runs, y_test):
    run = runs["cnn"]
    assert set(run) == CNN_KEYS
    assert run["W1"].shape == (16, 5, 5, 1) and run["W2"].shape == (32, 5, 5, 16)
    assert run["W3"].shape == (512, 10) and run["test_output"].shape == (10000, 10)
    for name, run in runs.items():
        # the outputs are the trained network's: their accuracy is the last one recorded
        assert np.mean(run["test_output"].argmax(axis=1) == y_test) == run["test_accuracy"][-1]


def test_the_best_mlp_run_is_the_targets_recipe_with_the_snippet_in_its_key():
    from snippets.beyond import targets

    recipe = targets.RECIPES[_runs.BEST_MLP]
    assert recipe["sizes"] == [784, 256, 128, 10]
    assert recipe["target"] == max(r["target"] for r in targets.RECIPES.values())  # the best
    depends = figures.run_dependencies(docs_dir() / "figures" / "_runs.py", ROOT)
    assert depends["best-mlp"] == [ROOT / "snippets" / "beyond" / "targets.py"]


def test_the_layers_figure_shows_the_networks_shapes(runs, y_test, tmp_path, monkeypatch):
    layers = script("cnn_layers")
    net = layers.trained_cnn(runs["cnn"])
    for name, weights in net.params.items():
        assert np.array_equal(weights, runs["cnn"][name]), name
    _, _, X_test, _ = load_mnist()
    found = layers.stages(net, X_test[layers.DIGIT])
    assert [out.shape for _, out in found] == CNN_SHAPES
    # the last stage is the network's own output for the digit: the run's, as it was trained
    np.testing.assert_allclose(found[-1][1], runs["cnn"]["test_output"][layers.DIGIT],
                               rtol=1e-4, atol=1e-6)
    # every shape is in a title of the figure, in order, and the digit drawn is a 7 (alt text)
    titles = [t for t in texts_of(draw_capturing("cnn_layers", runs, tmp_path, monkeypatch)) if t]
    shapes = [layers.shape_text(shape) for shape in CNN_SHAPES]
    assert [next(s for s in shapes if s in title) for title in titles] == shapes
    assert y_test[layers.DIGIT] == 7 and "test digit 7" in titles[0]


def test_the_layers_figure_draws_every_map_in_gray_r(runs, tmp_path, monkeypatch):
    from matplotlib.axes import Axes

    drawn, imshow = [], Axes.imshow

    def recording(ax, image, *args, **kwargs):
        shown = imshow(ax, image, *args, **kwargs)
        drawn.append((np.asarray(image).shape, shown.get_cmap().name))
        return shown

    monkeypatch.setattr(Axes, "imshow", recording)
    draw_capturing("cnn_layers", runs, tmp_path, monkeypatch)
    assert {cmap for _, cmap in drawn} == {"gray_r"}
    counts = {}
    for shape, _ in drawn:
        counts[shape] = counts.get(shape, 0) + 1
    assert counts == {(28, 28): 1, (24, 24): 16, (12, 12): 16, (8, 8): 32, (4, 4): 32}


def test_the_mistakes_figure_counts_the_wrong_argmaxes(runs, y_test, tmp_path, monkeypatch):
    mistakes = script("cnn_mistakes")
    output = runs["cnn"]["test_output"]
    wrong = np.flatnonzero(output.argmax(axis=1) != y_test)
    assert np.array_equal(mistakes.mistakes(output, y_test), wrong)
    fig = draw_capturing("cnn_mistakes", runs, tmp_path, monkeypatch)
    (title,) = [text for text in texts_of(fig) if "reads wrong" in text]
    assert int(re.search(r"The ([\d,]+) of 10,000", title).group(1).replace(",", "")) == len(wrong)
    # one digit per mistake (up to MAX_SHOWN), each captioned with the answer and the truth
    shown = wrong[: mistakes.MAX_SHOWN]
    captions = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert captions == [f"read {output[i].argmax()}\ntrue {y_test[i]}" for i in shown]
    assert ("first" in title) == (len(wrong) > mistakes.MAX_SHOWN)


def test_the_accuracy_figure_draws_both_runs(runs, tmp_path, monkeypatch):
    accuracy = script("cnn_accuracy")
    fig = draw_capturing("cnn_accuracy", runs, tmp_path, monkeypatch)
    (ax,) = fig.axes
    curves = {line.get_label(): line.get_ydata() for line in ax.get_lines()}
    (cnn_label,) = [label for label in curves if label.startswith(accuracy.CNN_LABEL)]
    (mlp_label,) = [label for label in curves if label.startswith(accuracy.MLP_LABEL)]
    assert "784-256-128-10" in mlp_label  # the legend says which MLP it is
    np.testing.assert_array_equal(curves[cnn_label], runs["cnn"]["test_accuracy"])
    np.testing.assert_array_equal(curves[mlp_label], runs["best-mlp"]["test_accuracy"])
    assert f"{runs['cnn']['test_accuracy'][-1]:.2%}" in cnn_label


def test_the_pages_numbers_come_from_the_runs(runs, y_test):
    cnn_run, mlp_run = runs["cnn"], runs["best-mlp"]
    numbers = numbers_script.cnn_numbers(cnn_run, mlp_run, y_test)
    wrong = int(np.count_nonzero(cnn_run["test_output"].argmax(axis=1) != y_test))
    assert numbers["cnn.mistakes"] == f"{wrong:,}"
    assert numbers["cnn.mistakes"] == numbers["cnn.wrong.last"]  # two counts, one answer
    assert numbers["cnn.accuracy.last-2"] == f"{100 * cnn_run['test_accuracy'][-1]:.2f}%"
    assert numbers["best-mlp.accuracy.last-2"] == f"{100 * mlp_run['test_accuracy'][-1]:.2f}%"
    assert numbers["cnn.epochs"] == str(len(cnn_run["test_accuracy"]))
    assert numbers["best-mlp.epochs"] == str(len(mlp_run["test_accuracy"]))
    ratio = np.median(cnn_run["seconds"]) / np.median(mlp_run["seconds"])
    assert numbers["cnn.epoch-time-ratio"] == f"{ratio:.0f}×"
    # every number the page writes from the build is one of these
    used = {match["name"] for match in PLACEHOLDER.finditer(PAGE.read_text())}
    assert used and used <= set(numbers), sorted(used - set(numbers))


def test_a_build_whose_runs_contradict_the_page_fails():
    """The page says the CNN ends above the MLP's whole curve, in fewer epochs."""
    check = numbers_script.check_cnn
    check({"test_accuracy": np.array([0.98, 0.99])},
          {"test_accuracy": np.array([0.97, 0.98, 0.985])})
    with pytest.raises(ValueError, match="convolutions.md"):  # below the MLP's best epoch
        check({"test_accuracy": np.array([0.98, 0.984])},
              {"test_accuracy": np.array([0.97, 0.985, 0.98])})
    with pytest.raises(ValueError, match="convolutions.md"):  # as many epochs
        check({"test_accuracy": np.array([0.98, 0.99])},
              {"test_accuracy": np.array([0.97, 0.98])})


def test_the_page_shows_the_three_figures_with_alt_text():
    text = PAGE.read_text()
    for name in ("cnn-layers.png", "cnn-accuracy.png", "cnn-mistakes.png"):
        (alt,) = re.findall(r"!\[([^\]]*)\]\(\.\./figures/" + re.escape(name) + r"\)", text)
        assert len(alt.split()) >= 15, name


@pytest.mark.slow
def test_the_real_runs_tell_the_pages_story(y_test):
    """Reads the build's cached runs if current, else trains them (about 45 s)."""
    cnn_run = cached("cnn") or _runs.cnn_run()
    mlp_run = cached("best-mlp") or _runs.best_mlp_run()
    from snippets.beyond import targets

    recipe = targets.RECIPES[_runs.BEST_MLP]
    assert len(mlp_run["test_accuracy"]) == recipe["epochs"]
    assert mlp_run["test_accuracy"][-1] >= recipe["target"]
    numbers_script.check_cnn(cnn_run, mlp_run)  # the CNN ends above the MLP in fewer epochs
    _, _, X_test, _ = load_mnist()
    layers = script("cnn_layers")
    found = layers.stages(layers.trained_cnn(cnn_run), X_test[layers.DIGIT])
    assert found[-1][1].argmax() == 7 and found[-1][1].max() > 0.9  # "one near 1"
