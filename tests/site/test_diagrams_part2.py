"""Part 2's diagrams show the numbers of the code beside them.

Each test draws the diagram and compares its labels with values computed from the snippet
it illustrates: change a value in the snippet, and the test fails until the diagram follows.
"""

from __future__ import annotations

from figures._snippets import section_values
from tests.site.test_diagrams import draw, svg_texts


def test_the_weighted_sum_shows_its_pages_numbers(tmp_path):
    values = section_values("snippets/part2/weighted_sum.py", "imports", "vectorised")
    texts = svg_texts(draw("diagram_weighted_sum", tmp_path))
    for i, (x, w) in enumerate(zip(values["inputs"], values["weights"]), start=1):
        assert f"x{i} = {x}" in texts and f"w{i} = {w}" in texts
    assert f"b = {values['bias']}" in texts
    assert f"z = {values['z']:.4g}" in texts
    assert not any(t.startswith("a = ") or t == "sigmoid" for t in texts)  # no sigmoid yet
