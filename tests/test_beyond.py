"""Beyond the guide: the snippets behind docs/beyond/, their figures, and the 98% targets.

Every snippet runs on its own in a fresh interpreter with warnings as errors; its own
asserts check what the pages claim (the ladder's gains, the shuffling experiment, the
gradient checks, the speed of vectorised code). The slow tests train the two full-data
recipes of snippets/beyond/targets.py and check the targets: 784-128-10 at least 98.0%
within 15 epochs, a deeper network at least 98.3% within 20.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "snippets" / "beyond"
FIGURES = ROOT / "docs" / "overrides" / "figures"
PAGES = sorted((ROOT / "docs" / "beyond").glob("*.md")) + [ROOT / "docs" / "performance.md"]
INCLUDE = re.compile(r'--8<-- "([^":]+)(?::([\w-]+))?"')
SECTION = re.compile(r"# --8<-- \[start:([\w-]+)\]")

# Each snippet and the arguments it is run with (targets.py: the quick version; the slow
# tests below train the real thing).
RUNS = {
    "changes.py": [],
    "gradient_checking.py": [],
    "ladder.py": [],
    "shuffling.py": [],
    "targets.py": ["--quick"],
    "why_vectorise.py": [],
}


def load_module(path: Path):
    """Import a snippet file as a module (its `if __name__ == "__main__"` part does not run)."""
    spec = importlib.util.spec_from_file_location(f"beyond_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def needs_mnist(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return "load_mnist" in text or "why_vectorise" in path.name


def test_every_snippet_is_run():
    assert {p.name for p in SNIPPETS.glob("*.py")} == set(RUNS)


@pytest.mark.parametrize("name", sorted(RUNS))
def test_snippet_runs_on_its_own(name, tmp_path):
    path = SNIPPETS / name
    if needs_mnist(path) and not os.environ.get("NNLIB_DATA_DIR"):
        pytest.skip("set NNLIB_DATA_DIR to a directory with the four MNIST files")
    env = dict(os.environ, MPLBACKEND="Agg", OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-W", "error", str(path), *RUNS[name]], cwd=tmp_path,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{name} failed:\n{result.stdout}\n{result.stderr}"
    assert result.stdout.strip(), f"{name} printed nothing: the pages show its output"
    assert result.stderr == "", result.stderr
    assert list(tmp_path.iterdir()) == [], "snippets must not write files"


def test_ladder_steps_change_one_thing_each():
    ladder = load_module(SNIPPETS / "ladder.py")
    steps = ladder.ladder()
    assert steps[0] == ("the guide's network", ladder.GUIDE)
    for (_, before), (name, after) in zip(steps, steps[1:]):
        changed = {key for key in after if after[key] != before[key]}
        assert changed == set(dict(ladder.CHANGES)[name]), name
        assert len(changed - {"lr"}) == 1, f"{name} changes {changed}"
    final = steps[-1][1]
    assert final["sizes"] == [784, 128, 10] and final["activation"] == "relu"
    assert final["output"] == "softmax" and final["init"] == "he" and final["dropout"] > 0


def test_cosine_schedule():
    targets = load_module(SNIPPETS / "targets.py")
    schedule = targets.cosine_schedule(0.1, 10)
    rates = [schedule(epoch) for epoch in range(10)]
    assert rates[0] == 0.1 and rates[5] == pytest.approx(0.05)
    assert all(b < a for a, b in zip(rates, rates[1:])) and rates[-1] > 0


def test_recipes_are_within_the_epoch_budgets():
    recipes = load_module(SNIPPETS / "targets.py").RECIPES
    small, deep = recipes["784-128-10"], recipes["784-256-128-10"]
    assert small["sizes"] == [784, 128, 10] and small["epochs"] <= 15 and small["target"] == 0.980
    assert len(deep["sizes"]) > 3 and deep["epochs"] <= 20 and deep["target"] == 0.983


def _train_recipe(name, mnist):
    targets = load_module(SNIPPETS / "targets.py")
    X_train, y_train, X_test, y_test = mnist
    net, history = targets.train_recipe(name, X_train, targets.one_hot(y_train), X_test, y_test)
    print(f"{name}: {history.test_accuracy[-1]:.4f} after {len(history.test_accuracy)} epochs, "
          f"median {np.median(history.seconds):.2f} s per epoch")
    return targets.RECIPES[name], history


@pytest.mark.slow
def test_784_128_10_reaches_98_percent_within_15_epochs(mnist):
    recipe, history = _train_recipe("784-128-10", mnist)
    assert len(history.test_accuracy) <= 15
    assert history.test_accuracy[-1] >= 0.980, history.test_accuracy  # measured 0.9815


@pytest.mark.slow
def test_deeper_network_reaches_98_3_percent_within_20_epochs(mnist):
    recipe, history = _train_recipe("784-256-128-10", mnist)
    assert len(history.test_accuracy) <= 20
    assert history.test_accuracy[-1] >= 0.983, history.test_accuracy  # measured 0.9852


# --- the figures: drawing functions and what their scripts declare --------------------------


def load_figure_script(stem: str):
    sys.path.insert(0, str(FIGURES))  # the scripts import their _style helper
    try:
        return load_module(FIGURES / f"{stem}.py")
    finally:
        sys.path.remove(str(FIGURES))


def png_ok(path: Path) -> bool:
    return path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 5000


def test_ladder_figure_draws_from_histories(tmp_path):
    script = load_figure_script("beyond_ladder")
    curves = {"the guide's network": [0.5, 0.8, 0.9], "ReLU in the hidden layer": [0.85, 0.9, 0.92],
              "momentum": [0.9, 0.93, 0.95], "Adam instead of momentum": [0.91, 0.93, 0.94]}
    script.draw_ladder(curves, tmp_path / "beyond-ladder.png")
    assert png_ok(tmp_path / "beyond-ladder.png")


def fake_history(test_accuracy, train_accuracy, seconds):
    from nnlib.train import History

    history = History()
    history.test_accuracy, history.train_accuracy = list(test_accuracy), list(train_accuracy)
    history.seconds, history.loss = list(seconds), [0.5] * len(seconds)
    return history


def test_each_change_has_its_figure_drawn_from_the_runs(tmp_path):
    script = load_figure_script("beyond_ladder")
    script.draw_change({"before": [0.8, 0.85, 0.9], ADAM_NAME: [0.85, 0.9, 0.91], "after": [0.86, 0.9, 0.93]},
                       tmp_path / "change.png")
    histories = {"momentum": fake_history([0.9, 0.95], [0.9, 0.99], [0.1, 0.1]),
                 "dropout": fake_history([0.91, 0.96], [0.88, 0.97], [0.1, 0.1])}
    script.draw_overfitting(histories, tmp_path / "overfitting.png")
    floats = {"float64": fake_history([0.9, 0.95], [0.9, 0.96], [0.2, 0.21]),
              "float32": fake_history([0.9, 0.95], [0.9, 0.96], [0.1, 0.11])}
    script.draw_float_types(floats, tmp_path / "floats.png")
    for name in ("change.png", "overfitting.png", "floats.png"):
        assert png_ok(tmp_path / name), name
    # Every change figure compares steps that the ladder really runs, the change last.
    steps = [name for name, _ in load_module(SNIPPETS / "ladder.py").CHANGES] + [ADAM_NAME]
    for file_name, names in script.CHANGES:
        assert file_name in STEP_FIGURES and set(names) <= set(steps), file_name
    text = (ROOT / "docs" / "beyond" / "index.md").read_text(encoding="utf-8")
    assert all(f"(../figures/{name})" in text for name in STEP_FIGURES)


ADAM_NAME = "Adam instead of momentum"


def test_shuffling_figure_draws_from_curves(tmp_path):
    script = load_figure_script("beyond_shuffling")
    script.draw_orders({"shuffled": [0.6, 0.8, 0.9], "sorted by label": [0.1, 0.1, 0.1]},
                       tmp_path / "beyond-shuffling.png")
    assert png_ok(tmp_path / "beyond-shuffling.png")


def test_gradcheck_figure_draws(tmp_path):
    script = load_figure_script("beyond_gradcheck")
    script.draw(tmp_path, runs=None)
    assert png_ok(tmp_path / "beyond-gradcheck-eps.png")


STEP_FIGURES = ["beyond-ladder-relu.png", "beyond-ladder-softmax.png", "beyond-ladder-he.png",
                "beyond-ladder-optimisers.png", "beyond-ladder-dropout.png", "beyond-ladder-float32.png"]
DRAWS = {"beyond_ladder": ["beyond-ladder.png", *STEP_FIGURES], "beyond_shuffling": ["beyond-shuffling.png"],
         "beyond_gradcheck": ["beyond-gradcheck-eps.png"]}


@pytest.mark.parametrize("stem", sorted(DRAWS))
def test_figure_scripts_declare_what_they_draw_and_read(stem):
    tree = ast.parse((FIGURES / f"{stem}.py").read_text(encoding="utf-8"))
    declared = {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
                and node.targets[0].id in ("FIGURES", "DEPENDS_ON")}
    assert declared["FIGURES"] == DRAWS[stem]
    for path in declared.get("DEPENDS_ON", []):
        assert (ROOT / path).is_file(), path


# --- the pages -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_page_includes_and_figures_exist(page):
    text = page.read_text(encoding="utf-8")
    for path, section in INCLUDE.findall(text):
        assert (ROOT / path).is_file(), f"{page.name}: no file {path}"
        if section:
            assert section in SECTION.findall((ROOT / path).read_text(encoding="utf-8")), \
                f"{page.name}: no section {section} in {path}"
    drawn = {name for names in DRAWS.values() for name in names}
    for alt, name in re.findall(r"!\[([^\]]*)\]\(\.\./figures/([^)]+)\)", text):
        assert alt.strip(), f"{page.name}: figure {name} without alt text"
        if name.startswith("beyond-"):
            assert name in drawn, f"{page.name}: no script draws {name}"


CHAPTERS = [page for page in PAGES if page.parent.name == "beyond"]  # performance.md is a reference page


@pytest.mark.parametrize("page", CHAPTERS, ids=[p.name for p in CHAPTERS])
def test_chapters_end_with_what_you_learned(page):
    assert "## What you learned" in page.read_text(encoding="utf-8")


# Snippets whose output does not depend on timing or on the BLAS library's rounding: the
# ```text blocks the pages show after including them must be exactly what they print.
DETERMINISTIC = {"snippets/beyond/changes.py", "snippets/beyond/gradient_checking.py"}
FENCE = re.compile(r"^(\s*)```(\w*)\s*$")


@functools.lru_cache(maxsize=None)
def snippet_output(relative: str) -> list[str]:
    env = dict(os.environ, MPLBACKEND="Agg", OPENBLAS_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-W", "error", str(ROOT / relative)], env=env,
                            capture_output=True, text=True, timeout=300, check=True)
    return result.stdout.splitlines()


def text_blocks(page: Path) -> list[tuple[str | None, list[str]]]:
    """Every ```text block of a page, with the file of the last include above it."""
    blocks, last_include, lines = [], None, page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        include = INCLUDE.search(lines[i])
        if include:
            last_include = include.group(1)
        fence = FENCE.match(lines[i])
        if fence and fence.group(2) == "text":
            indent, body = fence.group(1), []
            i += 1
            while lines[i].strip() != "```":
                body.append(lines[i][len(indent):])
                i += 1
            blocks.append((last_include, body))
        i += 1
    return blocks


@pytest.mark.parametrize("page", PAGES, ids=[p.name for p in PAGES])
def test_printed_output_on_pages_is_what_the_snippets_print(page):
    checked = 0
    for source, body in text_blocks(page):
        if source in DETERMINISTIC:
            printed = snippet_output(source)
            for text in body:
                assert text in printed, f"{page.name}: {text!r} is not printed by {source}"
            checked += 1
    if page.name in ("index.md", "gradient-checking.md"):
        assert checked >= 5
