"""Part 2 (the maths): what its pages claim of its snippets."""

from __future__ import annotations

import numpy as np

from nnlib import sigmoid
from nnlib.tools.site.pages import ROOT, includes, sections
from tests.snippets.conftest import load
from tests.snippets.runner import run_snippet


def test_weighted_sum_is_point_four():
    weighted_sum = load("snippets.part2.weighted_sum").weighted_sum
    z = weighted_sum(np.array([0.5, 0.3, 0.2]), np.array([0.2, 0.5, 0.25]), 0.1)
    assert isinstance(z, float) and np.isclose(z, 0.4)
    rng = np.random.default_rng(0)
    x, w = rng.standard_normal(784), rng.standard_normal(784)
    assert np.isclose(weighted_sum(x, w, 0.5), sum(a * b for a, b in zip(x, w)) + 0.5)
    out = run_snippet("snippets/part2/weighted_sum.py").stdout
    assert out.count("z = 0.4000") == 2  # the loop and the vectorised version agree


def test_sigmoid_from_scratch_matches_nnlib():
    from_scratch = load("snippets.part2.sigmoid").sigmoid_from_scratch
    z = np.linspace(-30, 30, 1201)
    assert np.allclose(from_scratch(z), sigmoid(z), rtol=1e-12, atol=0)
    assert round(float(sigmoid(1.0)), 2) == 0.73  # "about 0.73"


def test_sigmoid_page_shows_exactly_nnlibs_sigmoid():
    page = (ROOT / "docs/part2/sigmoid.md").read_text(encoding="utf-8")
    shown = [(i.path, i.section) for i in includes(page) if i.path.startswith("nnlib/")]
    assert shown == [("nnlib/activations.py", "sigmoid")]
    code = sections(ROOT / "nnlib/activations.py")["sigmoid"]
    assert code.lstrip().startswith("def sigmoid(") and "return" in code


def test_gradient_descent_converges_and_diverges():
    descend = load("snippets.part2.gradient_descent").descend
    for start in (-10.0, 0.0, 7.5):
        assert abs(descend(start, 0.1, 100)[-1] - 3) < 1e-6
    assert abs(descend(0.0, 0.5, 1)[-1] - 3) == 0  # factor 1 - 2*0.5 = 0
    distances = [abs(w - 3) for w in descend(0.0, 1.1, 30)]
    assert all(b > a for a, b in zip(distances, distances[1:]))  # every step further
    out = run_snippet("snippets/part2/gradient_descent.py").stdout
    assert "after 30 steps w = 2.996" in out
    assert "step 100: output 0.8984" in out
