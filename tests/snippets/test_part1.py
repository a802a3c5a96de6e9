"""Part 1 (the Python and NumPy you need): what its pages claim of its snippets."""

from __future__ import annotations

import numpy as np
import pytest

from nnlib import sigmoid
from tests.snippets.conftest import load
from tests.snippets.runner import run_snippet


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
