"""nnlib.train: the loop, what it records, and the runs it refuses or stops."""

import inspect

import numpy as np
import pytest

from nnlib import (
    SGD, Adam, GuideNetwork, History, Model, Network, TrainingDiverged, TrainingStalled, train,
)
from nnlib.train import check_training_settings


def test_guide_network_learns_on_a_slice(small):
    X, Y, X_test, y_test = small
    history = train(GuideNetwork(), X, Y, epochs=3, X_test=X_test, y_test=y_test, progress=False)
    assert isinstance(history, History)
    assert len(history.loss) == len(history.test_accuracy) == len(history.seconds) == 3
    assert history.loss[0] > history.loss[1] > history.loss[2]
    # measured 0.378, 0.567, 0.656: sigmoid with squared error starts slowly on 6,000 examples
    assert history.test_accuracy[0] < history.test_accuracy[1] < history.test_accuracy[2]
    assert history.test_accuracy[-1] > 0.60
    assert all(0 <= a <= 1 for a in history.train_accuracy)


def test_training_is_reproducible_with_a_seed(small):
    X, Y, *_ = small
    runs = [train(Network([784, 32, 10], rng=1), X[:1000], Y[:1000], epochs=2, rng=4,
                  progress=False).loss for _ in range(2)]
    assert runs[0] == runs[1]
    other = train(Network([784, 32, 10], rng=1), X[:1000], Y[:1000], epochs=2, rng=5,
                  progress=False).loss
    assert other != runs[0]


def test_last_smaller_batch_is_used(small):
    """1000 examples in batches of 64: 15 full batches and one of 40, all of them trained on."""
    X, Y, *_ = small
    seen = []

    class Recorder(SGD):
        def step(self, params, grads):
            seen.append(1)
            super().step(params, grads)

    net = GuideNetwork()
    calls = []
    original = net.forward
    net.forward = lambda X, training=False: calls.append(len(X)) or original(X, training)
    train(net, X[:1000], Y[:1000], epochs=1, optimizer=Recorder(0.5), progress=False)
    assert calls == [64] * 15 + [40] and len(seen) == 16


def test_relu_softmax_adam_beats_the_guide_network_on_a_slice(small):
    X, Y, X_test, y_test = small
    history = train(Network([784, 64, 10], rng=0), X, Y, epochs=3, batch_size=64,
                    optimizer=Adam(1e-3), X_test=X_test, y_test=y_test, progress=False)
    assert history.test_accuracy[-1] > 0.85  # measured 0.8785 after 3 epochs (the original guide's: 0.656)


def test_lr_schedule_sets_learning_rate_each_epoch(small):
    X, Y, *_ = small
    opt = SGD(0.5)
    rates = []
    train(GuideNetwork(), X[:200], Y[:200], epochs=3, optimizer=opt, progress=False,
          lr_schedule=lambda epoch: rates.append(0.5 / (epoch + 1)) or rates[-1])
    assert opt.lr == pytest.approx(0.5 / 3)


def test_diverging_run_stops_with_clear_error_and_keeps_history(small):
    X, Y, *_ = small
    with pytest.raises(TrainingDiverged, match=r"diverged at epoch 2.*Lower the learning rate") as info:
        train(Network([784, 32, 10], rng=0), X[:640], Y[:640], epochs=3, progress=False,
              optimizer=SGD(0.05), lr_schedule=lambda epoch: 0.05 if epoch == 0 else 1e9)
    assert len(info.value.history.loss) == 1 and np.isfinite(info.value.history.loss[0])


def test_saturated_sigmoids_stall_after_the_first_epoch(small):
    """A learning rate of 100 drives every sigmoid of the original guide's network to 0 or 1."""
    X, Y, *_ = small
    with pytest.raises(TrainingStalled, match="training stalled") as info:
        train(GuideNetwork(), X[:2000], Y[:2000], epochs=5, optimizer=SGD(100), progress=False)
    message = str(info.value)
    assert "a median of 0.5000 over its first tenth" in message  # every output is 0 or 1
    assert "a mean of 0.5000 over its last tenth" in message
    assert "learning rate 100" in message and "try a smaller one" in message
    assert isinstance(info.value, ValueError)
    history = info.value.history
    assert len(history.loss) == 1 and history.train_accuracy[0] < 0.2


def test_a_tiny_learning_rate_stalls_too(small):
    X, Y, *_ = small
    with pytest.raises(TrainingStalled, match="if the rate is already tiny, try a larger one"):
        train(Network([784, 32, 10], rng=0), X[:1280], Y[:1280], epochs=2,
              optimizer=SGD(1e-7), progress=False)


def test_a_trained_network_is_not_flagged_when_its_loss_is_flat(small):
    X, Y, *_ = small
    net = Network([784, 32, 10], rng=0)
    train(net, X[:2000], Y[:2000], epochs=2, optimizer=SGD(0.1), progress=False)
    history = train(net, X[:2000], Y[:2000], epochs=1, optimizer=SGD(1e-9), progress=False)
    assert history.train_accuracy[0] > 0.8  # nothing left to learn at this rate, and no error


def test_bad_training_input(small):
    X, Y, X_test, y_test = small
    with pytest.raises(ValueError, match=r"X has shape \(10, 784\) and Y has shape \(9, 10\)"):
        train(GuideNetwork(), X[:10], Y[:9], epochs=1, progress=False)
    with pytest.raises(ValueError, match="both X_test and y_test"):
        train(GuideNetwork(), X[:10], Y[:10], epochs=1, X_test=X_test, progress=False)


@pytest.mark.parametrize(
    "epochs, batch_size, message",
    [
        (0, 64, "epochs must be a whole number >= 1, got 0"),
        (2.5, 64, "epochs must be a whole number >= 1, got 2.5"),
        (1, 0, "batch_size must be a whole number >= 1, got 0: it is the number of examples"),
        (1, True, "batch_size must be a whole number >= 1, got True"),
    ],
)
def test_training_settings_rule(epochs, batch_size, message):
    with pytest.raises(ValueError, match=message):
        check_training_settings(epochs, batch_size)
    with pytest.raises(ValueError, match=message):  # train applies the same rule, first
        train(GuideNetwork(), np.zeros((4, 784)), np.zeros((3, 10)), epochs=epochs,
              batch_size=batch_size, progress=False)


def test_progress_bar_and_epoch_lines(small, capsys):
    X, Y, X_test, y_test = small
    train(GuideNetwork(), X[:500], Y[:500], epochs=1, X_test=X_test, y_test=y_test, progress=True)
    out = capsys.readouterr()
    assert "epoch  1/1: loss" in out.out and "test accuracy 0." in out.out
    assert "it/s" in out.err or "epoch 1/1" in out.err


def test_history_as_arrays():
    h = History(loss=[1.0, 0.5], train_accuracy=[0.1, 0.2], test_accuracy=[], seconds=[0.1, 0.1])
    arrays = h.as_arrays()
    np.testing.assert_array_equal(arrays["loss"], [1.0, 0.5])
    assert arrays["test_accuracy"].shape == (0,)


@pytest.mark.parametrize("model", [GuideNetwork(), Network([784, 16, 10])])
def test_both_networks_are_models(model):
    assert isinstance(model, Model)
    assert inspect.signature(model.forward).parameters["training"].default is False
    for name in ("forward", "loss", "backward", "predict"):
        assert callable(getattr(model, name))
    assert set(model.grads) == set(model.params)  # even before the first backward


def test_an_object_without_the_methods_is_not_a_model():
    assert not isinstance(object(), Model)


def test_training_in_chunks_makes_the_same_updates():
    """train(chunk_size=...) computes each batch's gradient a chunk at a time: the weights
    after an epoch are those of training on whole batches, up to rounding (float64)."""
    from nnlib import Adam, Network

    rng = np.random.default_rng(0)
    X = rng.random((70, 6))
    Y = np.eye(3)[rng.integers(0, 3, 70)]
    weights, losses = [], []
    for chunk_size in (None, 16, 7):  # 7: chunks of 7 and a last one of 2 in each batch of 16
        net = Network([6, 5, 3], "relu", "softmax", "he", rng=1, dtype=np.float64)
        history = train(net, X, Y, epochs=2, batch_size=16, optimizer=Adam(0.01), rng=2,
                        progress=False, chunk_size=chunk_size)
        weights.append(net.params["W1"].copy())
        losses.append(history.loss)
    for other, loss in zip(weights[1:], losses[1:]):
        np.testing.assert_allclose(other, weights[0], rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(loss, losses[0], rtol=1e-12)


@pytest.mark.parametrize("chunk_size", [0, 2.5, True])
def test_a_bad_chunk_size_is_refused(chunk_size):
    with pytest.raises(ValueError, match="chunk_size must be a whole number >= 1 or None"):
        train(object(), np.zeros((4, 2)), np.zeros((4, 2)), epochs=1, chunk_size=chunk_size)


def test_training_in_threads_makes_the_same_updates():
    """train(threads=...) splits each batch between threads, each with its own copy of the
    network (sharing the weights): the same updates as one thread, up to rounding."""
    from nnlib import Adam, Network
    from nnlib.train import replicas

    rng = np.random.default_rng(0)
    X = rng.random((70, 6))
    Y = np.eye(3)[rng.integers(0, 3, 70)]
    weights = []
    for threads, chunk_size in ((1, None), (2, None), (3, 4)):
        net = Network([6, 5, 3], "relu", "softmax", "he", rng=1, dtype=np.float64)
        train(net, X, Y, epochs=2, batch_size=16, optimizer=Adam(0.01), rng=2, progress=False,
              threads=threads, chunk_size=chunk_size)
        weights.append(net.params["W1"].copy())
    for other in weights[1:]:
        np.testing.assert_allclose(other, weights[0], rtol=1e-10, atol=1e-12)
    net, twin = replicas(net, 2)
    assert all(twin.params[name] is net.params[name] for name in net.params)
    assert not any(twin.grads[name] is net.grads[name] for name in net.grads)


@pytest.mark.parametrize("threads", [0, 1.5, True])
def test_a_bad_thread_count_is_refused(threads):
    with pytest.raises(ValueError, match="threads must be a whole number >= 1"):
        train(object(), np.zeros((4, 2)), np.zeros((4, 2)), epochs=1, threads=threads)


def test_replicas_draw_their_own_dropout_masks():
    from nnlib import Network
    from nnlib.train import replicas

    net = Network([6, 5, 3], "relu", "softmax", "he", rng=1, dropout=0.5)
    copies = replicas(net, 3)
    x = np.ones((4, 6), np.float32)
    masks = []
    for model in copies:
        model.forward(x, training=True)
        masks.append(next(layer.mask for layer in model.layers if hasattr(layer, "mask")))
    assert not np.array_equal(masks[0], masks[1]) and not np.array_equal(masks[1], masks[2])
