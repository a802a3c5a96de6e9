"""Diagrams: SVG figures that take the page's palette, and whose numbers are the code's.

The machinery (nnlib/tools/site/diagrams.py inlines them; docs/figures/_svg.py draws them)
is checked on toy input; each real diagram is drawn and its labels compared with the values
of the snippet it illustrates; the built pages are checked for alt text that says only what
the drawing shows. Legibility in both palettes is checked in browser/test_diagrams.py.
"""

from __future__ import annotations

import importlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from figures import _svg
from figures._snippets import section_values
from nnlib.tools.site import figures
from nnlib.tools.site.diagrams import DiagramError, inline_diagrams, inline_svg
from nnlib.tools.site.pages import ROOT, docs_dir

SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
DIAGRAM_SCRIPTS = sorted(p.stem for p in (docs_dir() / "figures").glob("diagram_*.py"))


def svg_texts(path: Path) -> list[str]:
    """Every piece of text a diagram shows, in drawing order."""
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")]


def draw(stem: str, out_dir: Path) -> Path:
    """Draw the diagram script ``docs/figures/<stem>.py`` into ``out_dir``; its first image."""
    module = importlib.import_module(f"figures.{stem}")
    script = figures.FigureScript(docs_dir() / "figures" / f"{stem}.py", ROOT)
    module.draw(out_dir, runs={})
    for name in script.figures:
        figures.image_size(out_dir / name)  # valid SVG: parses, viewBox, unique ids
    return out_dir / script.figures[0]


# --------------------------------------------------------------------------------------
# The machinery
# --------------------------------------------------------------------------------------


def test_palette_css_matches_the_svg_fallbacks():
    """diagrams.css's light colours are _svg's fallbacks; every colour has a dark one too."""
    css = (docs_dir() / "stylesheets" / "diagrams.css").read_text()
    light, dark = css.split('[data-md-color-scheme="slate"]')
    light_values = dict(re.findall(r"--nn-([a-z-]+):\s*(#[0-9a-f]{6})", light))
    dark_values = dict(re.findall(r"--nn-([a-z-]+):\s*(#[0-9a-f]{6})", dark))
    named = {k: v for k, v in _svg.PALETTE.items() if k != "background"}
    assert light_values == named
    assert set(dark_values) == set(named)


def test_a_diagram_is_drawn_in_colour_names_not_values(tmp_path):
    d = _svg.Diagram("diagram-toy", 200, 100)
    d.box(10, 10, 80, 30, "x = 1.5", fill="blue-fill", stroke="blue")
    d.arrow(90, 25, 180, 25)
    d.save(tmp_path / "diagram-toy.svg")
    text = (tmp_path / "diagram-toy.svg").read_text()
    assert "var(--nn-blue, #1a5fb4)" in text and "currentColor" in text
    assert svg_texts(tmp_path / "diagram-toy.svg") == ["x = 1.5"]
    assert figures.svg_size(tmp_path / "diagram-toy.svg") == (200, 100)
    with pytest.raises(ValueError, match="unknown colour 'pink'"):
        _svg.colour("pink")
    with pytest.raises(ValueError, match="use diagram-toy.svg"):
        d.save(tmp_path / "other.svg")


def test_a_matplotlib_plot_becomes_a_themed_svg_with_prefixed_ids(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    with plt.rc_context(_svg.matplotlib_style()):
        fig, ax = plt.subplots(figsize=(3, 2))
        ax.plot([0, 1, 2], [0, 1, 4], color=_svg.MPL["blue"])
        ax.set_xlabel("step")
        _svg.save_matplotlib(fig, tmp_path / "diagram-plot.svg")
    text = (tmp_path / "diagram-plot.svg").read_text()
    assert "var(--nn-blue, #1a5fb4)" in text and "currentColor" in text
    assert not re.search("|".join(_svg.MPL.values()), text, re.IGNORECASE)
    ids = re.findall(r'\bid="([^"]+)"', text)
    assert ids and all(i.startswith("diagram-plot-") for i in ids)
    assert '<svg data-diagram="diagram-plot"' in text
    figures.svg_size(tmp_path / "diagram-plot.svg")  # and the references still resolve:
    for ref in re.findall(r'(?:url\(#|href="#)([^)"]+)', text):
        assert ref in ids


def test_an_invalid_svg_is_refused(tmp_path):
    bad = tmp_path / "bad.svg"
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg"><text>no viewBox</text></svg>')
    with pytest.raises(ValueError, match="no viewBox"):
        figures.svg_size(bad)
    bad.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><g id="a"/>'
                   '<g id="a"/></svg>')
    with pytest.raises(ValueError, match="ids used more than once"):
        figures.svg_size(bad)
    bad.write_text("<svg")
    with pytest.raises(ValueError, match="not well-formed"):
        figures.svg_size(bad)


def test_the_page_gets_the_svg_itself_named_by_its_alt_text(tmp_path):
    svg = tmp_path / "diagram-toy.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
                   'viewBox="0 0 300 100" width="300" height="100"><text>hi</text></svg>')
    page = '<p><img alt="A toy &amp; a box" src="../figures/diagram-toy.svg" /></p>'
    out = inline_diagrams(page, {"diagram-toy.svg": svg}, "part1/x.md")
    assert out.startswith('<p><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"')
    assert 'style="max-width: 300px" class="nn-diagram" role="img"' in out
    assert 'aria-label="A toy &amp; a box"><title>A toy &amp; a box</title><text>hi' in out
    assert "<?xml" not in out and 'width="300"' not in out
    png = '<img alt="curves" src="../figures/sigmoid.png" />'
    assert inline_diagrams(png, {"diagram-toy.svg": svg}, "x.md") == png


def test_a_diagram_without_alt_text_or_drawing_fails_the_build(tmp_path):
    svg = tmp_path / "diagram-toy.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')
    with pytest.raises(DiagramError, match="part1/x.md shows figures/diagram-toy.svg without alt"):
        inline_diagrams('<img alt="" src="../figures/diagram-toy.svg" />',
                        {"diagram-toy.svg": svg}, "part1/x.md")
    with pytest.raises(DiagramError, match="diagram-none.svg, which no figure script draws"):
        inline_diagrams('<img alt="x" src="../figures/diagram-none.svg" />', {}, "part1/x.md")
    with pytest.raises(ValueError, match="not an SVG"):
        inline_svg("<html/>", "alt")


# --------------------------------------------------------------------------------------
# Every diagram: valid, and showing the code's own numbers
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("stem", DIAGRAM_SCRIPTS)
def test_every_diagram_draws_a_valid_svg_with_text(stem, tmp_path):
    path = draw(stem, tmp_path)
    assert svg_texts(path), f"{path.name} shows no text"


def test_the_neuron_shows_step_1s_numbers(tmp_path):
    snippet = "snippets/part3/step1_one_neuron.py"
    values = section_values(snippet, "numbers", "weighted-sum", "sigmoid")
    texts = svg_texts(draw("diagram_neuron", tmp_path))
    for i, (x, w) in enumerate(zip(values["inputs"], values["weights"]), start=1):
        assert f"x{i} = {x}" in texts and f"w{i} = {w}" in texts
    assert f"b = {values['bias']}" in texts
    assert f"z = {values['z']:.4g}" in texts and f"a = {values['a']:.4g}" in texts


# --------------------------------------------------------------------------------------
# On the built pages
# --------------------------------------------------------------------------------------


def inline_diagrams_of(site: Path) -> dict[str, list[ET.Element]]:
    """``{page: [its inline diagrams' <svg> elements]}`` from the built site."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        svgs = re.findall(r'<svg[^>]*class="nn-diagram".*?</svg>', html, re.DOTALL)
        if svgs:
            found[page.relative_to(site).as_posix()] = [ET.fromstring(s) for s in svgs]
    return found


def test_every_number_in_a_diagrams_alt_text_is_one_the_diagram_shows(site_dir):
    """Alt text says what a reader would see: it cannot state a number the drawing does not."""
    pages = inline_diagrams_of(site_dir)
    assert pages, "no page shows a diagram"
    for page, svgs in pages.items():
        for svg in svgs:
            alt = svg.get("aria-label")
            assert alt and len(alt) > 40, f"{page}: a diagram's alt text is too short: {alt!r}"
            shown = " ".join("".join(t.itertext()) for t in svg.iter(f"{SVG}text"))
            shown_numbers = {float(n) for n in NUMBER.findall(shown)}
            stated = {float(n) for n in NUMBER.findall(alt)}
            assert stated <= shown_numbers, (
                f"{page}: alt text of {svg.get('data-diagram')} states "
                f"{sorted(stated - shown_numbers)}, which the diagram does not show"
            )


def test_a_diagrams_ids_are_unique_on_its_page(site_dir):
    """Several diagrams on a page: each one's ids (clip paths, markers) are its own."""
    for page, svgs in inline_diagrams_of(site_dir).items():
        ids = re.findall(r'\bid="([^"]+)"', (site_dir / page).read_text(encoding="utf-8"))
        for svg in svgs:
            for element in svg.iter():
                if element.get("id"):
                    assert ids.count(element.get("id")) == 1, f"{page}: {element.get('id')}"
