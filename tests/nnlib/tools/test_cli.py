"""The command line: ``python -m nnlib ...`` as a reader runs it, and its settings checks."""

import os
import re
import subprocess
import sys

import pytest

import nnlib
from nnlib.init import INITIALIZERS
from nnlib.layers import ACTIVATION_LAYERS
from nnlib.network import OUTPUTS
from nnlib.optim import OPTIMIZERS
from nnlib.tools import cli


def run(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-W", "error", "-m", "nnlib", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_train_guide_network_one_epoch_and_save(data_dir, tmp_path):
    result = run("train", "--epochs", "1", "--no-progress", "--save", str(tmp_path / "w.npz"))
    assert result.returncode == 0, result.stderr
    assert "Network(784-64-10, sigmoid, sigmoid, float32) with SGD(lr=0.5), batch size 64" in result.stdout
    accuracy = float(re.search(r"^test accuracy: (0\.\d{4})$", result.stdout, re.M).group(1))
    assert accuracy == pytest.approx(0.884, abs=0.005)  # the guide network after one epoch, seed 0
    model = nnlib.load_weights(tmp_path / "w.npz")
    _, _, X_test, y_test = nnlib.load_mnist(download=False)
    assert nnlib.accuracy(y_test, model.predict(X_test)) == pytest.approx(accuracy, abs=5e-5)


def test_train_other_architecture(data_dir):
    result = run("train", "--epochs", "1", "--hidden", "32", "16", "--activation", "relu",
                 "--output", "softmax", "--init", "he", "--optimizer", "adam", "--lr", "0.001",
                 "--no-progress")
    assert result.returncode == 0, result.stderr
    assert "Network(784-32-16-10, relu, softmax, float32) with Adam(lr=0.001" in result.stdout
    assert float(result.stdout.rsplit("test accuracy: ", 1)[1]) > 0.9


def test_diverging_run_exits_with_message(data_dir):
    result = run("train", "--epochs", "1", "--lr", "1e9", "--activation", "relu", "--output", "softmax",
                 "--no-progress")
    assert result.returncode == 1
    assert "training diverged" in result.stderr and "Lower the learning rate" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_negative_learning_rate_is_refused_before_anything_else(tmp_path):
    """The data directory does not exist either: the learning rate is checked first."""
    result = run("train", "--lr", "-1", "--data-dir", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("error: lr must be a positive, finite number, got -1.0.")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "options, message",
    [
        (["--batch-size", "0"], "batch_size must be a whole number >= 1, got 0"),
        (["--epochs", "0"], "epochs must be a whole number >= 1, got 0"),
        (["--dropout", "1.5"], r"dropout must be in [0, 1), got 1.5"),
        (["--l2", "-1"], "l2 must be a finite number >= 0, got -1.0"),
        (["--hidden", "64", "0"], "all >= 1; got [784, 64, 0, 10]"),
        (["--optimizer", "momentum", "--lr", "nan"], "lr must be a positive, finite number, got nan"),
    ],
)
def test_bad_settings_are_refused_before_the_data_is_loaded(options, message, tmp_path, capsys):
    assert cli.main(["train", *options, "--data-dir", str(tmp_path / "nowhere")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.startswith("error: ") and message in err  # no banner, no data


def test_a_stalled_run_is_an_error_message(small, monkeypatch, capsys):
    X, Y, X_test, y_test = small
    monkeypatch.setattr(cli, "load_mnist", lambda data_dir: (X[:2000], Y[:2000].argmax(axis=1),
                                                            X_test, y_test))
    assert cli.main(["train", "--epochs", "3", "--lr", "100", "--no-progress"]) == 1
    out, err = capsys.readouterr()
    assert out.startswith("training Network(784-64-10, sigmoid, sigmoid, float32) with SGD(lr=100.0)")
    assert err.startswith("error: training stalled: the loss did not fall in the first epoch")


def test_choices_come_from_the_registries():
    parser = cli.build_parser()
    train = parser._subparsers._group_actions[0].choices["train"]  # argparse keeps them here
    choices = {action.dest: action.choices for action in train._actions if action.choices}
    assert choices == {"activation": sorted(ACTIVATION_LAYERS), "output": sorted(OUTPUTS),
                       "init": sorted(INITIALIZERS), "optimizer": sorted(OPTIMIZERS),
                       "dtype": ["float32", "float64"]}


def test_data_command_reports_verified_files(data_dir):
    result = run("data")
    assert result.returncode == 0, result.stderr
    assert data_dir in result.stdout and result.stdout.count("OK") >= 4


def test_missing_data_directory_is_reported(tmp_path):
    result = run("train", "--epochs", "1", "--data-dir", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert str(tmp_path / "nowhere") in result.stderr and "Traceback" not in result.stderr


def test_exercise_writes_a_starter_and_never_overwrites_it(tmp_path):
    def in_folder(*args):
        return subprocess.run([sys.executable, "-W", "error", "-m", "nnlib", *args],
                              capture_output=True, text=True, cwd=tmp_path, timeout=60)

    first = in_folder("exercise", "3")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("wrote exercise3.py: Exercise 3: one neuron, four inputs.")
    starter = (tmp_path / "exercise3.py").read_text()
    assert "def weighted_sum(inputs, weights, bias):" in starter
    (tmp_path / "exercise3.py").write_text(starter + "# my work\n")
    again = in_folder("exercise", "3")
    assert again.returncode == 1 and "already exists" in again.stderr
    assert (tmp_path / "exercise3.py").read_text().endswith("# my work\n")
    unknown = in_folder("exercise", "7")
    assert unknown.returncode == 1 and "there is no exercise '7'" in unknown.stderr


def test_check_prints_one_line_per_check_and_exits_0_only_when_all_pass(tmp_path):
    path = tmp_path / "exercise3.py"
    path.write_text("import math\n\n\ndef weighted_sum(inputs, weights, bias):\n"
                    "    return sum(x * w for x, w in zip(inputs, weights)) + bias\n\n\n"
                    "def neuron(inputs, weights, bias):\n"
                    "    return 1 / (1 + math.exp(-weighted_sum(inputs, weights, bias)))\n")
    result = run("check", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASS  ") == 4 and "All 4 checks passed" in result.stdout
    path.write_text(path.read_text().replace(") + bias", ")"))
    wrong = run("check", str(path))
    assert wrong.returncode == 1
    assert "FAIL  weighted_sum on the page's numbers" in wrong.stdout
    assert "hint:     The bias is left out." in wrong.stdout


def test_check_takes_the_exercise_and_a_time_limit(tmp_path):
    path = tmp_path / "mine.py"
    path.write_text("while True:\n    pass\n")
    assert "cannot tell which exercise mine.py is for" in run("check", str(path)).stderr
    result = run("check", str(path), "--exercise", "2", "--timeout", "1")
    assert result.returncode == 2 and "Stopped after 1 s" in result.stdout
    assert run("check", str(path), "--timeout", "0").returncode == 1


def test_train_threads_must_be_at_least_one(capsys):
    from nnlib.tools.cli import main

    assert main(["train", "--threads", "0"]) == 1
    assert "error: --threads must be at least 1, got 0" in capsys.readouterr().err
