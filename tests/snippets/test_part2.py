"""Part 2 (the maths): what its pages claim of its snippets."""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import pytest

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


# --- Numbers the Part 2 pages state in prose, and their quotes of the original guide ------


def test_the_original_guides_network_sizes():
    """weighted-sum.md (784 pixel values; W1 (784, 64), W2 (64, 10)) and
    gradient-descent.md (50,890 weights and biases, 10 outputs)."""
    from nnlib.guide import GuideNetwork

    net = GuideNetwork(rng=0)
    assert 28 * 28 == 784
    assert net.W1.shape == (784, 64) and net.b1.shape == (1, 64)
    assert net.W2.shape == (64, 10) and net.b2.shape == (1, 10)
    assert sum(p.size for p in (net.W1, net.b1, net.W2, net.b2)) == 50_890


def test_sigmoid_page_numbers():
    """sigmoid.md: e^1000 has 435 digits; float64 and float32 reach exactly 1.0 at
    the grid points the page prints (36.737, 16.636), just above 53 ln 2 and 24 ln 2
    (where 1 + e^-z rounds to 1); sigmoid(-37) is not 0."""
    import decimal

    with decimal.localcontext() as ctx:
        ctx.prec = 600
        assert len(str(int(decimal.Decimal(1000).exp()))) == 435
    assert round(float(np.log(np.finfo(np.float64).max)), 1) == 709.8
    assert round(float(np.log(np.finfo(np.float32).max)), 1) == 88.7
    for dtype, bits, printed in ((np.float64, 53, 36.737), (np.float32, 24, 16.636)):
        assert 0 <= printed - bits * np.log(2) < 0.001
        assert sigmoid(dtype(printed)) == 1.0 and sigmoid(dtype(printed - 0.001)) < 1.0
    assert 0 < sigmoid(-37.0) < 1e-16
    out = run_snippet("snippets/part2/sigmoid.py").stdout
    assert "float64: sigmoid(z) == 1.0 from z = 36.737" in out
    assert "float32: sigmoid(z) == 1.0 from z = 16.636" in out


def test_derivative_page_numbers():
    """derivative.md: a central difference with h = 1e-6 agrees to about ten decimal
    places; 1e-5 and 1e-6 are the best steps (1e-15 is far worse); float64 has about 16
    significant digits; a * (1 - a) given z = 2 is -2; the original guide's 0.0099."""
    from nnlib import sigmoid_derivative

    z = np.linspace(-6, 6, 121)
    exact = sigmoid_derivative(sigmoid(z))

    def error(h):
        return np.abs((sigmoid(z + h) - sigmoid(z - h)) / (2 * h) - exact).max()

    assert 1e-11 < error(1e-6) < 1e-9
    steps = [10.0**-k for k in range(1, 16)]
    assert sorted(steps, key=error)[:2] == [1e-5, 1e-6]
    assert error(1e-15) > 1e6 * error(1e-6)
    assert round(53 * np.log10(2)) == 16
    assert sigmoid_derivative(2.0) == -2.0 and sigmoid_derivative(0.0) == 0.0
    assert round(float(sigmoid_derivative(0.99)), 4) == 0.0099
    assert round(float(np.log(0.99 / 0.01)), 1) == 4.6


def test_gradient_descent_page_numbers():
    """gradient-descent.md: each step multiplies the distance to 3 by 1 - 2 eta
    (0.98, 0.8, -0.8, -1.2); flat (slope under 0.01) after 29 steps."""
    descend = load("snippets.part2.gradient_descent").descend
    for eta, factor in ((0.01, 0.98), (0.1, 0.8), (0.9, -0.8), (1.1, -1.2)):
        path = descend(0.0, eta, 5)
        ratios = [(b - 3) / (a - 3) for a, b in zip(path, path[1:])]
        assert np.allclose(ratios, factor)
    assert abs(descend(0.0, 0.01, 30)[-1]) < 1.5  # "not even halfway" to 3
    out = run_snippet("snippets/part2/gradient_descent.py").stdout
    assert "flat after 29 steps" in out
    assert "(5 times as big)" in out


ORIGINAL = Path(os.environ.get("NNLIB_ORIGINAL_GUIDE", "/work/shared/original-guide.md"))
PAGES = sorted((ROOT / "docs/part2").glob("*.md"))
OUTPUT_MARK = "<!--pytest-codeblocks:expected-output-->"


def squeeze(text: str) -> str:
    return " ".join(text.split())


def quoted_from_original(page: str) -> list[str]:
    """The lines of ``text`` blocks that are not program output, the "quoted words" of
    every sentence that names the original guide, and every quote with its arrow (→)."""
    found, lines, i = [], page.splitlines(), 0
    while i < len(lines):
        if lines[i].strip() == "```text":
            before = [line for line in lines[:i] if line.strip()][-1]
            end = next(j for j in range(i + 1, len(lines)) if lines[j].strip() == "```")
            if before.strip() != OUTPUT_MARK:
                found += [line for line in lines[i + 1 : end] if line.strip()]
            i = end
        i += 1
    prose = squeeze(re.sub(r"```.*?```", "", page, flags=re.S))
    for sentence in re.findall(r"original guide.*?(?:\.\s|$)", prose, re.I):
        found += re.findall(r'"([^"]+)"', sentence)
    found += [q for q in re.findall(r'"([^"]+)"', prose) if "→" in q]
    return found


def test_part2_quotes_are_the_original_guides_words():
    if not ORIGINAL.exists():
        pytest.skip(f"the original guide is not at {ORIGINAL}")
    original = squeeze(ORIGINAL.read_text(encoding="utf-8"))
    quoted = {p.name: quoted_from_original(p.read_text(encoding="utf-8")) for p in PAGES}
    assert sum(map(len, quoted.values())) >= 10
    for name, quotes in quoted.items():
        for quote in quotes:
            assert squeeze(quote) in original, (name, quote)
