"""The diagrams of learning (Part 3, steps 6 to 8, and the Part 4 cheat sheet) show the
numbers and shapes of the snippets beside them: each test draws one diagram and compares
its labels with values computed here from the snippet, so a changed snippet that the
diagram did not follow fails. The diagrams that read MNIST (through their snippet) take
the `mnist` fixture, so they skip where the data is missing.
"""

from __future__ import annotations

import numpy as np

from figures._snippets import section_values
from tests.site.test_diagrams import draw, svg_texts

STEP6 = "snippets/part3/step6_backpropagation.py"


def test_backprop_shows_step_6s_shapes(tmp_path, mnist):
    v = section_values(STEP6, "setup", "forward-lines", "d-output", "outer", "dW2",
                       "d-hidden", "dW1")
    texts = svg_texts(draw("diagram_backprop", tmp_path))
    boxes = list(zip(texts, texts[1:]))  # a box's two lines, one after the other
    for name in ["X", "hidden", "output", "d_output", "d_hidden"]:
        assert (name, str(v[name].shape)) in boxes, name
    assert v["X"].shape == (5, 784) and v["d_hidden"].shape == (5, 64)  # the page's text
    assert ("hidden.T @ d_output / n", f"dW2 {v['dW2'].shape}") in boxes
    assert ("X.T @ d_hidden / n", f"dW1 {v['dW1'].shape}") in boxes
    assert v["dW2"].shape == v["W2"].shape and v["dW1"].shape == v["W1"].shape
    assert "d_output @ W2.T" in texts and str(v["from_output"].shape) in texts
    assert any(f"n = {v['n']}" in t for t in texts)


def test_outer_product_shows_step_6s_small_example(tmp_path, mnist):
    v = section_values(STEP6, "setup", "outer-small")
    texts = svg_texts(draw("diagram_outer_product", tmp_path))
    inputs, deltas, table = v["inputs"], v["deltas"], v["dW_small"]
    assert table.shape == (len(inputs), len(deltas)) == (3, 2)  # the page's text
    for j, x in enumerate(inputs):
        assert f"inputs[{j}] = {x}" in texts
        for k, delta in enumerate(deltas):
            assert f"deltas[{k}] = {delta}" in texts
            assert f"{x} × {delta}" in texts and f"= {float(table[j, k])}" in texts
    assert f"dW_small {table.shape}" in texts
    assert f"inputs {inputs.shape}" in texts and f"deltas {deltas.shape}" in texts


def test_backprop_chain_shows_one_weights_slopes(tmp_path, mnist):
    v = section_values(STEP6, "setup", "forward-lines", "d-output", "outer")
    texts = svg_texts(draw("diagram_backprop_chain", tmp_path))
    k = int(v["y_train"][0])
    assert k == 5  # the page: "digit 0, which is a 5"
    out, err, h = v["output"][0, k], v["error"][0, k], v["hidden"][0, 0]
    slope = out * (1 - out)
    assert [f"W2[0, {k}]", f"= {v['W2'][0, k]:.4f}"] == texts[texts.index(f"W2[0, {k}]"):][:2]
    assert f"= {v['z2'][0, k]:.4f}" in texts and f"= {out:.4f}" in texts
    for local in (h, slope, err):
        assert f"= {local:.4f}" in texts
    # the product of the slopes is the page's delta and digit 0's gradient for the weight
    assert np.isclose(err * slope, v["d_output"][0, k])
    assert np.isclose(err * slope * h, v["dW2_first"][0, k])
    assert (f"{err:.4f} × {slope:.4f} ≈ {v['d_output'][0, k]:+.4f}  = d_output[0, {k}]"
            in texts)
    assert (f"{v['d_output'][0, k]:+.4f} × {h:.4f} ≈ {v['dW2_first'][0, k]:+.4f}"
            f"  = dW2_first[0, {k}]" in texts)


def test_weight_update_shows_step_7s_shapes_and_learning_rate(tmp_path, mnist):
    v = section_values("snippets/part3/step7_weight_update.py", "setup", "one-step")
    texts = svg_texts(draw("diagram_weight_update", tmp_path))
    net, rate = v["net"], v["learning_rate"]
    assert list(net.params) == ["W1", "b1", "W2", "b2"]
    for name, param in net.params.items():
        assert net.grads[name].shape == param.shape
        assert f"net.{name} {param.shape}" in texts
        assert f"net.d{name} {param.shape}" in texts
    assert texts.count(f"-= {rate} ×") == 4
    assert any(f"learning_rate = {rate};" in t and f"batch of {len(v['X'])}" in t
               for t in texts)


def test_training_loop_shows_step_8s_settings(tmp_path, mnist):
    import inspect

    v = section_values("snippets/part3/step8_training_loop.py", "imports", "main")
    settings = {k: p.default for k, p in inspect.signature(v["main"]).parameters.items()}
    texts = svg_texts(draw("diagram_training_loop", tmp_path))
    epochs, n_train, batch = settings["epochs"], settings["n_train"], settings["batch_size"]
    assert (epochs, n_train, batch) == (20, 60000, 64)  # the page's table and prose
    full, last = divmod(n_train, batch)
    assert f"for epoch in range({epochs}):" in texts
    assert f"order = permutation({n_train})" in texts
    assert f"({batch}, 784)" in texts
    assert f"W -= {settings['learning_rate']} × dW" in texts
    assert f"{full + 1} batches an epoch: {full} of {batch}, then one of {last}" in texts
    assert f"test accuracy on the {len(mnist[2])} test images" in texts


def test_nine_lines_shows_the_cheat_sheets_lines_where_they_act(tmp_path, mnist):
    from nnlib.tools.site.pages import ROOT, sections

    snippet = "snippets/part4/cheat_sheet.py"
    lines = [line.split("  #") for line in sections(ROOT / snippet)["nine-lines"].splitlines()
             if line.strip()]
    code = [line[0].rstrip() for line in lines]
    shape = {c.split(" =")[0]: comment.strip() for c, comment in lines}  # "(n, 64)"
    texts = svg_texts(draw("diagram_nine_lines", tmp_path))
    assert len(code) == 9
    for number, line in enumerate(code, 1):
        # in the list, its number just before it; on the network, its marker
        assert texts[texts.index(line) - 1] == str(number)
        assert texts.count(str(number)) == 2, number
    n, features = section_values(snippet, "setup")["X"].shape
    assert f"one training step on a batch of n = {n}" in texts
    assert f"X (n, {features})" in texts
    assert f"hidden {shape['hidden']}" in texts and f"output {shape['output']}" in texts
    assert f"Y {shape['output']}" in texts
