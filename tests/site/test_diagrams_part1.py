"""Part 1's pictures: each diagram shows its snippet's own arrays, and the Matplotlib page
shows, under each block, the figure that block's code draws.

A diagram's labels are compared with values computed here from the snippet (formatted as
the diagram writes them: two decimals for the layer's random arrays, Python's ``str`` of the
float otherwise), so a changed snippet value that a diagram did not follow fails.
"""

from __future__ import annotations

import importlib
import re

import numpy as np

from figures._snippets import section_values
from nnlib.tools.site import figures
from nnlib.tools.site.pages import ROOT, docs_dir, sections
from tests.site.test_diagrams import draw, svg_texts


def two(value) -> str:
    return f"{float(value):.2f}"


def plain(value) -> str:
    return str(round(float(value), 6))


def cells(array, fmt) -> list[str]:
    return [fmt(v) for v in np.asarray(array).ravel()]


def page(name: str) -> str:
    return (docs_dir() / "part1" / name).read_text(encoding="utf-8")


def diagram_line(text: str, svg: str) -> int:
    """The line of the page that shows ``svg``; it must have alt text."""
    lines = text.splitlines()
    found = [i for i, line in enumerate(lines) if f"](../figures/{svg})" in line]
    assert len(found) == 1, f"{svg} shown {len(found)} times"
    assert re.match(r"!\[[^\]]{40,}\]", lines[found[0]]), "alt text missing or too short"
    return found[0]


def shown_after(text: str, include: str, image: str) -> bool:
    """``image`` comes after the block including ``include``, before the next other include."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().endswith(f':{include}"'))
    image_at = diagram_line(text, image)
    later = [i for i, line in enumerate(lines[start + 1:], start + 1)
             if "--8<--" in line and not line.strip().endswith(':imports"')]
    return start < image_at < (later[0] if later else len(lines))


# --------------------------------------------------------------------------------------
# A layer as a matrix product (numpy-matrices.md, "A whole layer in one line")
# --------------------------------------------------------------------------------------


def test_the_layer_diagram_shows_the_layer_sections_arrays_and_the_entry_it_checks(tmp_path):
    snippet = "snippets/part1/numpy_matmul.py"
    v = section_values(snippet, "imports", "layer")
    X, W, b, Z = v["X"], v["W"], v["b"], v["Z"]
    texts = svg_texts(draw("diagram_matmul_layer", tmp_path))
    for name, array in {"X": X, "W": W, "b": b, "Z": Z}.items():
        # the label, then the column numbers (W, b, Z), then the cells, in order
        at = texts.index(name)
        assert cells(array, two) == [t for t in texts[at + 1:] if "." in t][:array.size]
        assert str(array.shape) in texts
    # the highlighted entry is the one the section recomputes by hand
    i, j = importlib.import_module("figures.diagram_matmul_layer").checked_entry()
    assert f"Z[{i}, {j}]" in sections(ROOT / snippet)["layer"]
    assert f"X[{i}]" in texts and f"W[:, {j}]" in texts and f"b[0, {j}]" in texts
    sum_line = texts[texts.index(f"b[0, {j}]") + 1:]
    factors = [t.strip("()") for t in sum_line if re.fullmatch(r"\(?-?\d+\.\d+\)?", t)]
    expected = [two(f) for k in range(X.shape[1]) for f in (X[i, k], W[k, j])]
    assert factors == expected + [two(b[0, j]), two(Z[i, j])]
    assert np.isclose(Z[i, j], X[i] @ W[:, j] + b[0, j])


def test_the_layer_diagram_is_on_the_matrix_page_under_the_layer_block():
    text = page("numpy-matrices.md")
    assert shown_after(text, "layer", "diagram-matmul-layer.svg")
    # the prose before it names the same row, column and entry as the snippet's check
    i, j = importlib.import_module("figures.diagram_matmul_layer").checked_entry()
    intro = text.split("](../figures/diagram-matmul-layer.svg)")[0].rsplit("```", 1)[1]
    assert f"Row {i} of `X`" in intro and f"column {j} of `W`" in intro
    assert f"`Z[{i}, {j}]`" in intro


# --------------------------------------------------------------------------------------
# Broadcasting (numpy-matrices.md, "Broadcasting")
# --------------------------------------------------------------------------------------


def test_the_broadcast_diagram_shows_the_bias_sections_arrays(tmp_path):
    v = section_values("snippets/part1/numpy_broadcasting.py", "imports", "bias")
    Z, b, out = v["Z"], v["b"], v["out"]
    texts = svg_texts(draw("diagram_broadcast_bias", tmp_path))
    grids = texts[:Z.size + Z.size + out.size]  # Z, then b and its repeated rows, then out
    assert grids[:Z.size] == cells(Z, plain)
    assert grids[Z.size:2 * Z.size] == cells(np.repeat(b, len(Z), axis=0), plain)
    assert grids[2 * Z.size:] == cells(out, plain)
    assert [str(Z.shape), str(b.shape), str(out.shape)] == [
        t for t in texts if re.fullmatch(r"\(\d+, \d+\)", t)]
    assert f"{b.shape} stretches to {out.shape}" in texts


def test_the_broadcast_diagram_is_on_the_matrix_page_under_the_bias_block():
    assert shown_after(page("numpy-matrices.md"), "bias", "diagram-broadcast-bias.svg")


# --------------------------------------------------------------------------------------
# Axes (numpy-matrices.md, "Axis operations")
# --------------------------------------------------------------------------------------


def test_the_axes_diagram_shows_the_sum_sections_array_and_its_two_sums(tmp_path):
    scores = section_values("snippets/part1/numpy_axes.py", "imports", "sum")["scores"]
    texts = svg_texts(draw("diagram_axes_sum", tmp_path))
    left = texts.index("scores.sum(axis=0)")
    right = texts.index("scores.sum(axis=1)")
    assert texts[left + 1] == f"down the rows: {scores.shape} → {scores.sum(axis=0).shape}"
    assert texts[right + 1] == (f"across the columns: {scores.shape} → "
                                f"{scores.sum(axis=1).shape}")
    assert texts[left + 2:left + 2 + scores.size] == cells(scores, plain)
    at = left + 2 + scores.size  # the grid's cells, then the sums under it
    assert texts[at:at + scores.shape[1]] == cells(scores.sum(axis=0), plain)
    assert texts[right + 2:right + 2 + scores.size] == cells(scores, plain)
    at = right + 2 + scores.size
    assert texts[at:at + len(scores)] == cells(scores.sum(axis=1), plain)


def test_the_axes_diagram_is_on_the_matrix_page_under_the_sum_block():
    assert shown_after(page("numpy-matrices.md"), "sum", "diagram-axes-sum.svg")


# --------------------------------------------------------------------------------------
# Matplotlib's outputs (matplotlib.md)
# --------------------------------------------------------------------------------------


def test_the_matplotlib_page_shows_each_figure_its_code_draws_under_its_block(tmp_path):
    module = importlib.import_module("figures.matplotlib_basics")
    script = figures.FigureScript(docs_dir() / "figures" / "matplotlib_basics.py", ROOT)
    # one image per section of the snippet that makes a figure, named after the section
    found = sections(ROOT / "snippets/part1/matplotlib_basics.py")
    drawing = sorted(name for name, code in found.items() if "plt.subplots(" in code)
    assert sorted(script.figures) == [f"matplotlib-basics-{name}.png" for name in drawing]
    module.draw(tmp_path, runs={})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(script.figures)
    text = page("matplotlib.md")
    for name in drawing:
        figures.png_size(tmp_path / f"matplotlib-basics-{name}.png")  # a valid PNG
        assert shown_after(text, name, f"matplotlib-basics-{name}.png"), name


def test_the_matplotlib_figures_are_the_sections_own():
    """The figures saved are the ones the code made: its lines, its panels, its image."""
    module = importlib.import_module("figures.matplotlib_basics")
    (curve,) = module.figures_of("curve")
    assert [line.get_label() for line in curve.axes[0].lines][:2] == ["sigmoid",
                                                                      "its derivative"]
    (grid,) = module.figures_of("grid")
    assert len(grid.axes) == 10
    (image,) = module.figures_of("image")
    assert image.axes[0].images[0].get_cmap().name == "gray_r"
    import matplotlib.pyplot as plt

    for fig in (curve, grid, image):
        plt.close(fig)
