"""Part 3 (the network, step by step): what its pages claim of its snippets.

The training loop of step 8 is checked quickly on a slice of MNIST against nnlib.train;
the one slow test trains the guide's network exactly as the original guide does and checks
its claim: past 90% of the test digits after 2 epochs.
"""

from __future__ import annotations

import numpy as np
import pytest

import nnlib
from tests.snippets.conftest import load


def test_step3_shape_erratum():
    """A layer's output for one example: shape (4,) without the bias, (1, 4) with b of shape (1, 4)."""
    x, W, b = np.ones(3), np.ones((3, 4)), np.zeros((1, 4))
    assert (x @ W).shape == (4,)
    assert (x @ W + b).shape == (1, 4)


def test_untrained_guide_network_guesses(mnist):
    """Step 5: before training, about 1 digit in 10 is right, and the error is about 1.25."""
    _, _, X_test, y_test = mnist
    output = nnlib.GuideNetwork(rng=0).forward(X_test)
    assert 0.05 < nnlib.accuracy(y_test, output) < 0.2
    assert nnlib.mean_squared_error(output, nnlib.one_hot(y_test)) == pytest.approx(1.25, abs=0.1)


def test_step8_loop_learns_and_matches_nnlib_train(needs_mnist):
    step8 = load("snippets.part3.step8_training_loop")
    # 10,000 examples are 157 updates an epoch: 1 epoch reaches only ~0.53, 4 epochs ~0.85.
    ours = step8.main(epochs=4, n_train=10_000)
    assert len(ours) == 4 and ours[-1] > 0.8, ours
    assert ours == sorted(ours), ours  # better after every epoch, this early on
    # nnlib.train(GuideNetwork(), ...) is the same loop: the same accuracy, epoch for epoch.
    assert step8.main_with_nnlib(epochs=4, n_train=10_000) == pytest.approx(ours, abs=1e-12)


@pytest.mark.slow
def test_guide_network_passes_90_percent_by_epoch_2(needs_mnist):
    """784-64-10, sigmoid, learning rate 0.5, batches of 64, all 60,000 training digits."""
    accuracies = load("snippets.part3.step8_training_loop").main(epochs=2, n_train=60_000)
    assert accuracies[0] > 0.85, accuracies  # measured 0.884
    assert accuracies[1] > 0.90, accuracies  # measured 0.905
