"""nnlib.tools.weights: a network saved and loaded back, and files that are refused."""

import numpy as np
import pytest

from nnlib import GuideNetwork, Network, load_weights, save_weights


@pytest.mark.parametrize(
    "model",
    [GuideNetwork(n_inputs=8, n_hidden=5, n_outputs=3, rng=2),
     Network([8, 6, 4, 3], activation="sigmoid", output="softmax", rng=2, dropout=0.2, l2=1e-4)],
)
def test_round_trip(tmp_path, model):
    path = save_weights(model, tmp_path / "net.npz")
    loaded = load_weights(path)
    assert type(loaded) is type(model) and repr(loaded) == repr(model)
    for name, w in model.params.items():
        np.testing.assert_array_equal(loaded.params[name], w)
    X = np.random.default_rng(0).random((2, 8)).astype(model.params["W1"].dtype)
    np.testing.assert_array_equal(loaded.forward(X), model.forward(X))
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left behind


def test_suffix_added(tmp_path):
    assert save_weights(GuideNetwork(8, 2, 2), tmp_path / "weights").name == "weights.npz"


def test_loading_never_unpickles(tmp_path):
    path = tmp_path / "evil.npz"
    np.savez(path, W1=np.array([object()], dtype=object))
    with pytest.raises(ValueError, match="not a readable nnlib weights file"):
        load_weights(path)


def test_missing_and_foreign_files(tmp_path):
    with pytest.raises(FileNotFoundError, match="no weights file"):
        load_weights(tmp_path / "nope.npz")
    np.savez(tmp_path / "plain.npz", W1=np.zeros(3))
    with pytest.raises(ValueError, match="not written by nnlib"):
        load_weights(tmp_path / "plain.npz")


@pytest.mark.parametrize(
    "damage, problem",
    [
        (lambda raw: raw[: len(raw) // 2], "it is not a .npz (zip) archive"),  # a copy cut short
        (lambda raw: b"W1,b1\n0.1,0.2\n", "it is not a .npz (zip) archive"),  # a text file
        (lambda raw: raw[:200] + bytes([raw[200] ^ 0xFF]) + raw[201:], "Bad CRC-32"),  # one byte
    ],
)
def test_damaged_and_foreign_files_name_the_file_and_the_problem(tmp_path, damage, problem):
    raw = save_weights(GuideNetwork(8, 2, 2), tmp_path / "good.npz").read_bytes()
    path = tmp_path / "weights.npz"
    path.write_bytes(damage(raw))
    with pytest.raises(ValueError) as error:
        load_weights(path)
    message = str(error.value)
    assert str(path) in message and problem in message
    assert "Save the network again with nnlib.save_weights" in message
