"""Part 1 (the Python and NumPy you need): what its pages claim of its snippets."""

from __future__ import annotations

import numpy as np
import pytest

from nnlib import sigmoid
from tests.snippets.conftest import load
from tests.snippets.runner import ROOT, run_snippet


def test_basics_weighted_sum_and_batches():
    basics = load("snippets.part1.basics")
    assert basics.weighted_sum([1.0, 2.0], [0.5, 0.25], 1.0) == 2.0
    assert basics.weighted_sum([], [], 0.5) == 0.5
    out = run_snippet("snippets/part1/basics.py").stdout
    assert "batch from 8 to 10: 2 examples" in out  # the smaller last batch


def test_intermediate_neuron_class():
    intermediate = load("snippets.part1.intermediate")
    neuron = intermediate.Neuron([0.5, -0.5], 0.0)
    assert repr(neuron) == "Neuron(n_inputs=2, bias=0.0)"
    assert neuron.forward([1.0, 1.0]) == 0.5
    assert np.isclose(neuron.forward([2.0, 0.0]), float(sigmoid(1.0)))
    with pytest.raises(ValueError):
        neuron.forward([1.0, 2.0, 3.0])  # strict zip: a missing weight is an error
    assert "total: 50,890 numbers to learn" in run_snippet("snippets/part1/intermediate.py").stdout


def test_floats_hold_about_16_significant_digits():
    # docs/part1/basics.md, "Floats are not exact": "about 16 significant digits".
    import sys

    assert sys.float_info.mant_dig == 53 and 15.9 < 53 * np.log10(2) < 16.0


def test_matplotlib_warns_after_20_open_figures():
    # docs/part1/matplotlib.md, "Saving a figure": "after 20 open figures Matplotlib warns".
    import matplotlib

    assert matplotlib.rcParams["figure.max_open_warning"] == 20


def test_mnist_files_loader_is_about_fifteen_lines():
    # docs/part1/mnist-files.md: "about fifteen lines turn the four files into the arrays".
    text = (ROOT / "snippets/part1/mnist_files.py").read_text(encoding="utf-8")
    section = text.split("# --8<-- [start:read]\n")[1].split("# --8<-- [end:read]")[0]
    lines = [line for line in section.splitlines() if line.strip()]
    assert 13 <= len(lines) <= 17, len(lines)


def test_mnist_files_gives_what_load_mnist_gives(needs_mnist):
    # docs/part1/mnist-files.md: the fifteen lines return exactly load_mnist()'s arrays
    # (the snippet asserts it too), headers of 16 and 8 bytes, 60000 and 10000 images.
    out = run_snippet("snippets/part1/mnist_files.py").stdout.splitlines()
    assert "True True True True" in out and "float32 int64" in out
    assert "47040016" in out and "60008 [5, 0, 4, 1, 9]" in out  # 16 + 60000*784, 8 + 60000
    assert "(10000, 784) [5 0 4 1 9] (60000, 10)" in out
    assert "label 5: 79% of its pixels are 0" in out
