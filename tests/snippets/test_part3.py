"""Part 3 (the network, step by step): what its pages claim of its snippets.

The training loop of step 8 is checked quickly on a slice of MNIST against nnlib.train;
the one slow test trains Part 3's network with the original guide's settings (784-64-10,
sigmoid, learning rate 0.5, batches of 64; shuffled, and averaged over each batch's real
size, as this site does) and checks the goal of the original's Exercise 6, past 90% of the
test digits, after 2 epochs.
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


# --- Steps 1 to 5: numbers and claims in the prose of docs/part3/step1-one-neuron.md ...
# step5-the-error.md that no block of the page prints (each test names its page).


def test_step1_sigmoid_by_hand():
    """step1-one-neuron.md: e^-0.6 is about 0.5488, so sigmoid(0.6) = 1 / 1.5488, about 0.6457."""
    assert round(np.exp(-0.6), 4) == 0.5488
    assert round(1 / 1.5488, 4) == round(1 / (1 + np.exp(-0.6)), 4) == 0.6457


def test_step2_elementwise_product_is_not_a_sum():
    """step2-many-inputs.md, the common mistake: `inputs * weights + bias` gives three numbers."""
    inputs, weights, bias = np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.5, 0.25]), 0.1
    assert np.allclose(inputs * weights + bias, [0.2, 0.25, 0.15])


def test_step2_dot_method_function_and_operator_agree():
    """step2-many-inputs.md: np.dot(a, b), a.dot(b) and a @ b are the same product for 1-D and 2-D arrays."""
    rng = np.random.default_rng(0)
    x, X, W = rng.standard_normal(3), rng.standard_normal((5, 3)), rng.standard_normal((3, 4))
    for a, b in [(x, x), (x, W), (X, W)]:
        assert np.array_equal(np.dot(a, b), a @ b) and np.array_equal(a.dot(b), a @ b)


def test_step2_floats_compared_with_a_tolerance():
    """step2-many-inputs.md: 0.1 + 0.2 == 0.3 is False (Part 1), while this neuron's z happens to be exactly 0.4."""
    assert 0.1 + 0.2 != 0.3
    assert np.array([0.5, 0.3, 0.2]) @ np.array([0.2, 0.5, 0.25]) + 0.1 == 0.4


def test_step3_wrong_orientation_message():
    """step3-a-layer.md, the common mistake: W of shape (neurons, inputs) fails with this message."""
    with pytest.raises(ValueError, match=r"mismatch in its core dimension 0.*\(size 4 is different from 3\)"):
        np.ones(3) @ np.ones((4, 3))


def test_step4_mnist_sizes_and_ink(mnist):
    """step4-two-layers.md: 60,000 training and 10,000 test images of 28 x 28 = 784 pixels in [0, 1];
    0 is the background (no ink), the value of most pixels; 1 is full ink."""
    X_train, y_train, X_test, y_test = mnist
    assert X_train.shape == (60_000, 28 * 28) and X_test.shape == (10_000, 784)
    assert len(y_train) == 60_000 and len(y_test) == 10_000
    assert X_train.min() == 0.0 and X_train.max() == 1.0
    assert np.mean(X_train == 0) > 0.5  # most of every image is background
    assert X_train.reshape(-1, 28, 28)[:, 0, 0].max() == 0.0  # corners are never inked


def test_step5_loss_gradient_is_the_error_over_n():
    """step5-the-error.md: with the loss averaged over the batch, dL/d(output) is (output - Y) / n:
    the per-example derivative (the error) divided by n."""
    rng = np.random.default_rng(0)
    n = 5
    output, Y = rng.uniform(size=(n, 10)), nnlib.one_hot(np.array([5, 0, 4, 1, 9]))
    eps, numeric = 1e-6, np.zeros_like(output)
    for index in np.ndindex(output.shape):
        step = np.zeros_like(output)
        step[index] = eps
        numeric[index] = (nnlib.mean_squared_error(output + step, Y)
                          - nnlib.mean_squared_error(output - step, Y)) / (2 * eps)
    assert np.allclose(numeric, (output - Y) / n, atol=1e-8)


def test_step3_nnlib_refuses_a_bare_example():
    """step3-a-layer.md: nnlib refuses a 1-D example and says to use X.reshape(1, -1)."""
    with pytest.raises(ValueError, match=r"reshape\(1, -1\)"):
        nnlib.GuideNetwork(rng=0).forward(np.zeros(784))


def test_step5_nnlib_refuses_labels_as_targets():
    """step5-the-error.md, the common mistake: for a batch of ten, output - y broadcasts, but
    nnlib's loss refuses (10,) labels against a (10, 10) output, and its backward pass says to
    call nnlib.one_hot(y)."""
    output, y = np.full((10, 10), 0.5), np.arange(10)
    assert (output - y).shape == (10, 10)  # NumPy says nothing
    with pytest.raises(ValueError, match="must match"):
        nnlib.mean_squared_error(output, y)
    net = nnlib.GuideNetwork(rng=0)
    net.forward(np.zeros((10, 784)))
    with pytest.raises(ValueError, match=r"nnlib\.one_hot\(y\)"):
        net.backward(y)


# --- Steps 6 to 8: numbers and claims in the prose of docs/part3/step6-backpropagation.md,
# step7-weight-update.md, step8-training-loop.md and step8-evaluate.md that their blocks
# do not print.


def test_step6_to_8_the_guide_network_has_50890_numbers():
    """Steps 6 and 7 (and step 8's closing): 'its 50,890 weights and biases'."""
    net = nnlib.GuideNetwork(rng=0)
    assert sum(w.size for w in net.params.values()) == 50_890


def _five_digits(mnist):
    X_train, y_train, _, _ = mnist
    return X_train[:5].astype(np.float64), nnlib.one_hot(y_train[:5], dtype=np.float64)


def test_step6_gradcheck_catches_a_missing_slope_and_a_wrong_n(mnist):
    """Step 6: a missing hidden slope, or 1/n applied twice or not at all, gives W1 a
    relative error above 0.1 against finite differences (a correct pass: below 1e-7)."""
    from nnlib.gradcheck import numerical_gradient, relative_error

    X, Y = _five_digits(mnist)
    n = len(X)
    net = nnlib.GuideNetwork(n_hidden=8, rng=1)  # the page's check network
    numerical = numerical_gradient(net, X, Y, "W1")
    hidden = nnlib.sigmoid(X @ net.W1 + net.b1)
    output = nnlib.sigmoid(hidden @ net.W2 + net.b2)
    d_output = (output - Y) * output * (1 - output)
    from_output = d_output @ net.W2.T
    d_hidden = from_output * hidden * (1 - hidden)
    assert relative_error(X.T @ d_hidden / n, numerical) < 1e-7
    assert relative_error(X.T @ from_output / n, numerical) > 0.1  # no slope
    assert relative_error(X.T @ d_hidden / n**2, numerical) > 0.1  # 1/n twice
    assert relative_error(X.T @ d_hidden, numerical) > 0.1  # no 1/n


def test_step6_float32_has_about_7_significant_digits():
    """Step 6's warning: float32 has 'about 7 significant digits'."""
    assert 1e-7 < np.finfo(np.float32).eps < 1e-6


def test_step7_outputs_of_0_1_everywhere_score_0_45():
    """Step 7: 'A network that outputs 0.1 everywhere already scores 0.45'."""
    output = np.full((3, 10), 0.1)
    Y = nnlib.one_hot(np.array([0, 4, 9]), dtype=np.float64)
    assert nnlib.mean_squared_error(output, Y) == pytest.approx(0.45)


def test_step8_an_epoch_is_937_batches_of_64_and_one_of_32():
    """Step 8 (training loop): '60,000 = 937 x 64 + 32', 'one epoch is 938 weight updates'."""
    assert divmod(60_000, 64) == (937, 32)
    assert len(range(0, 60_000, 64)) == 938
