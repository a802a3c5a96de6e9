"""The "Train it in your browser" page (docs/train.md) without a browser: its numbers and data.

Every number in the page's prose is checked here against what produces it (the browser tests,
tests/site/browser/test_train.py, check what the page computes).
"""

from __future__ import annotations

import re

import numpy as np

from figures import train_data
from nnlib import GuideNetwork
from nnlib.tools.site.pages import ROOT

from .browser import test_train as browser_tests

PAGE = ROOT / "docs" / "train.md"
STEP_PAGE = ROOT / "docs" / "step-through.md"
ENGINE = ROOT / "docs" / "javascripts" / "train-engine.js"


def page_text() -> str:
    return PAGE.read_text()


def default(name: str) -> str:
    """The value the page's form starts with for setting ``name``."""
    found = re.search(rf'data-train="{name}" value="([^"]*)"', page_text())
    assert found, name
    return found[1]


def test_the_digit_counts_in_the_prose_are_the_exported_ones():
    text = " ".join(page_text().split())
    assert (
        f"the first {train_data.N_TRAIN:,} of MNIST's training set and the first "
        f"{train_data.N_TEST:,} of its test set" in text
    )


def test_the_settings_start_as_the_original_guides():
    # the prose: "64 hidden neurons, a learning rate of 0.5, batches of 64"
    text = " ".join(page_text().split())
    assert "64 hidden neurons, a learning rate of 0.5, batches of 64" in text
    net = GuideNetwork()
    assert int(default("hidden")) == net.W1.shape[1] == 64
    assert float(default("learning-rate")) == 0.5  # nnlib.train's default SGD(0.5)
    assert int(default("batch-size")) == 64  # nnlib.train's default batch_size
    # "784 inputs, one hidden layer, 10 outputs"; "784 weights, one per pixel, 28 x 28"
    assert "784 inputs, one hidden layer, 10 outputs" in text
    assert net.W1.shape[0] == 784 == 28 * 28 and net.W2.shape[1] == 10


def test_the_test_accuracy_is_measured_twice_per_epoch():
    # the prose: "at the start (...), in the middle of each epoch, and at its end"
    assert re.search(r"const TESTS_PER_EPOCH = 2;", ENGINE.read_text())
    assert "in the middle\n  of each epoch, and at its end" in page_text()


def test_the_agreement_tolerance_in_the_prose_is_the_tests():
    assert browser_tests.STEP_TOLERANCE == 1e-9
    assert "every weight agrees to\n1e-9" in page_text() or "agrees to 1e-9" in page_text()


def test_the_exported_bytes_come_back_exactly():
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, 256, size=(5, 784), dtype=np.uint8)
    pixels[:, :300] = 0  # blank borders, as in MNIST
    entry = train_data.encode_bytes(pixels)
    assert np.array_equal(train_data.decode_bytes(entry), pixels)
    assert entry == train_data.encode_bytes(pixels)  # no timestamp: the same bytes each build
    script = train_data.as_script("train", {"pixels": entry}, "a test")
    assert train_data.read_script(script) == {"pixels": entry}


def test_the_step_through_prose_matches_its_data():
    # docs/step-through.md: "the first four of MNIST's training set", "GuideNetwork(rng=0)",
    # "four pixels where the first digit has ink"; its Python block uses the same numbers
    text = " ".join(STEP_PAGE.read_text().split())
    assert train_data.STEP_DIGITS == 4 and "the first four of MNIST's training set" in text
    assert train_data.STEP_SEED == 0 and "`GuideNetwork(rng=0)` starts with" in text
    assert "X_train[:4]" in text and "GuideNetwork(rng=0)" in text
    assert train_data.STEP_LEARNING_RATE == 0.5 and "net.update(learning_rate=0.5)" in text
    script = (ROOT / "docs" / "javascripts" / "train-step-through.js").read_text()
    assert ".slice(0, 4)" in script and "four pixels where the first digit has ink" in text
