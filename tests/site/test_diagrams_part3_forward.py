"""Part 3's forward-pass diagrams (steps 2 to 5 and the Part 3 overview) show the numbers
and shapes of the code beside them: each is drawn and its labels compared with values
computed from the step's snippet, so a changed snippet fails here until the picture follows.
"""

from __future__ import annotations

import re

import pytest

from figures._snippets import section_values
from nnlib.tools.site.pages import ROOT
from tests.site.test_diagrams import draw, svg_texts

NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def test_step2s_neuron_shows_step_2s_numbers(tmp_path):
    v = section_values("snippets/part3/step2_many_inputs.py", "imports", "vectors",
                       "vectorised", "activation")
    texts = svg_texts(draw("diagram_many_inputs", tmp_path))
    for i, (x, w) in enumerate(zip(v["inputs"], v["weights"]), start=1):
        assert f"x{i} = {x}" in texts and f"w{i} = {w}" in texts
    assert f"b = {v['bias']}" in texts
    assert f"z = {v['z']:.4g}" in texts and f"a = {v['a']:.4g}" in texts


def test_the_layer_shows_step_3s_arrays_and_one_entry_written_out(tmp_path):
    from figures.diagram_layer_product import COLUMN, ROW

    v = section_values("snippets/part3/step3_a_layer.py", "weights", "batch")
    X, W, b = v["X"], v["W"], v["b"]
    Z = X @ W + b
    texts = svg_texts(draw("diagram_layer_product", tmp_path))
    for name, array in {"X": X, "W": W, "b": b, "Z": Z}.items():
        assert name in texts and str(array.shape) in texts, name
    # every entry of X, W, b and Z, in reading order
    shown = [float(t) for t in texts if NUMBER.fullmatch(t)]
    for array in (W, b, X, Z):
        for value in array.ravel():
            assert any(abs(s - value) < 5e-5 for s in shown), value
    # the highlighted entry written out: row ROW of X times column COLUMN of W, plus b
    line = next(t for t in texts if t.startswith(f"Z[{ROW}, {COLUMN}] = "))
    numbers = [float(n) for n in NUMBER.findall(line.split(" = ", 1)[1])]
    expected = [n for pair in zip(X[ROW], W[:, COLUMN]) for n in pair]
    assert numbers == pytest.approx(expected + [b[0, COLUMN], round(Z[ROW, COLUMN], 4)])
    assert Z[ROW, COLUMN] == pytest.approx(X[ROW] @ W[:, COLUMN] + b[0, COLUMN])



def test_the_network_shows_step_4s_shapes(tmp_path, mnist):
    """Weights, biases and the arrays that flow: the shapes of step 4's snippet, with n for
    its batch of 5; the lines under the arrows are the snippet's own."""
    snippet = "snippets/part3/step4_two_layers.py"
    v = section_values(snippet, "data", "init", "forward")
    W1, b1, W2, b2 = v["W1"], v["b1"], v["W2"], v["b2"]
    texts = svg_texts(draw("diagram_network", tmp_path))
    for name, array in {"W1": W1, "b1": b1, "W2": W2, "b2": b2}.items():
        assert f"{name} {array.shape}" in texts, name
    for name in ("X", "hidden", "output"):
        n, size = v[name].shape
        assert n == len(v["X"]) and f"{name} (n, {size})" in texts, name
    assert f"{W1.shape[0]} pixels" in texts
    assert f"{W1.shape[1]} neurons" in texts and f"{W2.shape[1]} neurons" in texts
    assert [t for t in texts if t.isdigit()] == [str(k) for k in range(W2.shape[1])]
    code = (ROOT / snippet).read_text()
    for line in ("sigmoid(X @ W1 + b1)", "sigmoid(hidden @ W2 + b2)"):
        assert line in texts and line in code, line


def test_the_error_shows_step_5s_first_digit(tmp_path, mnist):
    """The outputs, target and error of the snippet's first digit, as its code computes them."""
    v = section_values("snippets/part3/step5_the_error.py", "setup", "one-hot", "error")
    label, output, target, error = v["y"][0], v["output"][0], v["Y"][0], v["error"][0]
    texts = svg_texts(draw("diagram_error", tmp_path))
    # after the axis's 0, 0.5 and 1: the rows under the bars, digit by digit (digit,
    # output, target, error), then the rows' names
    axis = texts.index("0.5")
    assert texts[axis - 1:axis + 2] == ["0", "0.5", "1"]
    rows = texts[axis + 2:]
    assert rows[-4:] == ["digit", "output", "target", "error"]
    assert len(rows) == 4 * 10 + 4
    for k in range(10):
        shown = rows[4 * k:4 * k + 4]
        assert shown == [str(k), f"{output[k]:.2f}", f"{target[k]:g}", f"{error[k]:.2f}"]
    assert target[label] == 1 and target.sum() == 1
    assert f"{error[label]:.2f}".startswith("-")
