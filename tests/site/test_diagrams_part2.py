"""Part 2's diagrams show the numbers of the code beside them.

Each test draws the diagram and compares its labels with values computed from the snippet
it illustrates: change a value in the snippet, and the test fails until the diagram follows.
"""

from __future__ import annotations

import contextlib
import io

import pytest

from figures._snippets import section_values
from nnlib.tools.site.pages import ROOT, sections
from tests.site.test_diagrams import draw, svg_texts


def test_the_weighted_sum_shows_its_pages_numbers(tmp_path):
    values = section_values("snippets/part2/weighted_sum.py", "imports", "vectorised")
    texts = svg_texts(draw("diagram_weighted_sum", tmp_path))
    for i, (x, w) in enumerate(zip(values["inputs"], values["weights"]), start=1):
        assert f"x{i} = {x}" in texts and f"w{i} = {w}" in texts
    assert f"b = {values['bias']}" in texts
    assert f"z = {values['z']:.4g}" in texts
    assert not any(t.startswith("a = ") or t == "sigmoid" for t in texts)  # no sigmoid yet



def printed(path: str, *names: str) -> list[str]:
    """The lines the sections ``names`` of the snippet at ``path`` print, run in order."""
    found = sections(ROOT / path)
    namespace: dict = {"__name__": "printed"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for name in names:
            exec(compile(found[name], f"{path}:{name}", "exec"), namespace)
    return out.getvalue().splitlines()


def test_the_secants_are_the_derivative_pages_own(tmp_path):
    """The point, each step h and each slope the page prints, and the tangent's slope."""
    values = section_values("snippets/part2/derivative.py", "imports", "secants")
    lines = printed("snippets/part2/derivative.py", "imports", "secants")
    texts = svg_texts(draw("diagram_derivative", tmp_path))
    assert f"z = {values['z']}" in texts
    assert len(lines) == len(values["steps"]) + 1
    for h, line in zip(values["steps"], lines):
        assert line.startswith(f"h = {h}: secant slope ")
        assert line.replace("secant slope", "slope") in texts
    assert lines[-1].replace("tangent slope", "tangent: slope") in texts


def test_the_chain_rule_shows_the_derivative_pages_slopes(tmp_path):
    """The three local slopes and their product, as the page prints them; the forward values."""
    snippet = "snippets/part2/derivative.py"
    values = section_values(snippet, "imports", "chain-rule")
    lines = printed(snippet, "imports", "chain-rule")
    texts = svg_texts(draw("diagram_chain_rule", tmp_path))
    (slopes,) = [line.removeprefix("slopes ") for line in lines if line.startswith("slopes ")]
    (chain,) = [line for line in lines if line.startswith("chain rule ")]
    gradient = chain.split()[2].rstrip(",")
    dl_da, da_dz, dz_dw = slopes.split(" * ")
    for slope in (dl_da, da_dz, dz_dw):
        assert f"= {slope}" in texts
    assert f"∂L/∂w = {dl_da} × {da_dz} × {dz_dw} = {gradient}" in texts
    assert float(dl_da) * float(da_dz) * float(dz_dw) == pytest.approx(float(gradient), rel=1e-3)
    assert f"w = {values['w']}" in texts
    assert f"z = {values['z']:.4g}" in texts and f"a = {values['a']:.4g}" in texts
    assert f"L = {values['loss'](values['w']):.4g}" in texts


def test_gradient_descent_shows_three_of_the_pages_learning_rates(tmp_path):
    """The smallest and the largest rate of the page's list and the page's own, each with
    where the page prints it ends after its steps; the largest flies off the chart."""
    snippet = "snippets/part2/gradient_descent.py"
    values = section_values(snippet, "learning-rates")
    page_rate = section_values(snippet, "descend")["learning_rate"]
    lines = printed(snippet, "imports", "learning-rates")
    texts = svg_texts(draw("diagram_gradient_descent", tmp_path))
    shown = [min(values["rates"]), page_rate, max(values["rates"])]
    assert [t.split(":")[0] for t in texts if t.startswith("η = ")] == [f"η = {r}" for r in shown]
    for rate in shown:
        (line,) = [line for line in lines if line.startswith(f"eta = {rate:4}:")]
        assert line.split("... ")[1] in texts  # "after 30 steps w = ..."
    assert texts.count("0") >= 3  # every run's start is numbered
    path = values["descend"](values["start"], max(values["rates"]), values["steps"])
    losses = [section_values(snippet, "loss")["loss"](w) for w in path]
    assert all(b > a for a, b in zip(losses, losses[1:]))  # it diverges
    assert any(t.endswith(f": w = {w:.2f}") for t in texts for w in path[3:6])  # off the chart
