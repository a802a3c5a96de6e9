"""The command line, run as a reader runs it: ``python -m nnlib ...`` in a subprocess."""

import os
import re
import subprocess
import sys

import numpy as np
import pytest

import nnlib


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


def test_data_command_reports_verified_files(data_dir):
    result = run("data")
    assert result.returncode == 0, result.stderr
    assert data_dir in result.stdout and result.stdout.count("OK") >= 4


def test_missing_data_directory_is_reported(tmp_path):
    result = run("train", "--epochs", "1", "--data-dir", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert str(tmp_path / "nowhere") in result.stderr and "Traceback" not in result.stderr
