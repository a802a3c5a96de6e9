"""Part 3's forward-pass diagrams (steps 2 to 5 and the Part 3 overview) show the numbers
and shapes of the code beside them: each is drawn and its labels compared with values
computed from the step's snippet, so a changed snippet fails here until the picture follows.
"""

from __future__ import annotations

from figures._snippets import section_values
from tests.site.test_diagrams import draw, svg_texts


def test_step2s_neuron_shows_step_2s_numbers(tmp_path):
    v = section_values("snippets/part3/step2_many_inputs.py", "imports", "vectors",
                       "vectorised", "activation")
    texts = svg_texts(draw("diagram_many_inputs", tmp_path))
    for i, (x, w) in enumerate(zip(v["inputs"], v["weights"]), start=1):
        assert f"x{i} = {x}" in texts and f"w{i} = {w}" in texts
    assert f"b = {v['bias']}" in texts
    assert f"z = {v['z']:.4g}" in texts and f"a = {v['a']:.4g}" in texts
