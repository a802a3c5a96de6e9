"""Render the pages' maths as MathML at build time (hook: ``docs/overrides/hooks/mathml.py``).

Pages write maths as LaTeX: ``$\\sigma(z) = \\frac{1}{1 + e^{-z}}$`` inline, ``$$ ... $$`` on
its own lines for a displayed formula. ``pymdownx.arithmatex`` (generic mode) marks it up as
``<span class="arithmatex">\\(...\\)</span>`` / ``<div class="arithmatex">\\[...\\]</div>``, and
this hook replaces each with MathML made by the ``latex2mathml`` package. Browsers draw MathML
themselves, so the site needs no MathJax or KaTeX, no JavaScript and no request to a CDN, and
formulas show from ``file://`` too.

A formula that ``latex2mathml`` cannot convert, or that uses a command it does not know
(it would show as ``\\foo`` on the page), fails the build with the page and the formula.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert
from mkdocs.exceptions import PluginError

INLINE = re.compile(r'<span class="arithmatex">\\\((.*?)\\\)</span>', re.DOTALL)
BLOCK = re.compile(r'<div class="arithmatex">\\\[(.*?)\\\]</div>', re.DOTALL)
# latex2mathml keeps an unknown command as text, e.g. <mi>\foo</mi>
UNKNOWN_COMMAND = re.compile(r">(\\[A-Za-z]*)<")
MATHML_NS = "http://www.w3.org/1998/Math/MathML"
UNDERBRACE = "\u23df"  # what latex2mathml puts under an \underbrace{...}, as "&#x23DF;"
ET.register_namespace("", MATHML_NS)


def latex_to_mathml(latex: str, display: str) -> str:
    """MathML for one formula (``display`` is "inline" or "block"); ValueError if unsupported."""
    try:
        mathml = convert(latex, display=display)
    except Exception as exc:  # latex2mathml raises its own exception types
        raise ValueError(f"{type(exc).__name__}: {exc}") from None
    unknown = UNKNOWN_COMMAND.search(mathml)
    if unknown:
        raise ValueError(f"unknown LaTeX command {unknown.group(1)!r}")
    return draw_underbraces_with_css(mathml) if "&#x23DF;" in mathml else mathml


def draw_underbraces_with_css(mathml: str) -> str:
    """Replace latex2mathml's underbrace glyph by an element with the class ``underbrace``.

    Browsers draw the glyph (U+23DF) at its natural width, a tiny mark under a long term;
    extra.css draws a bracket as wide as the term under ``.underbrace`` instead. The label
    written under the brace (``_{...}``) stays where it was.
    """
    root = ET.fromstring(mathml)
    for parent in root.iter():
        for i, child in enumerate(parent):
            if child.tag == f"{{{MATHML_NS}}}munder" and len(child) == 2 and child[1].text == UNDERBRACE:
                base = child[0]
                base.set("class", "underbrace")
                parent[i] = base
    return ET.tostring(root, encoding="unicode")


def render_math(content: str, where: str) -> str:
    """Replace every arithmatex formula in ``content`` (HTML) by MathML."""

    def replace(match: re.Match, display: str) -> str:
        latex = html.unescape(match.group(1)).strip()
        try:
            mathml = latex_to_mathml(latex, display)
        except ValueError as exc:
            raise PluginError(f"MathML: cannot render ${latex}$ in {where}: {exc}") from None
        if display == "block":
            # a wide formula scrolls on a narrow screen: tabindex lets a keyboard scroll it
            # too (Material does the same for code blocks)
            return f'<div class="arithmatex" tabindex="0">{mathml}</div>'
        return f'<span class="arithmatex">{mathml}</span>'

    content = BLOCK.sub(lambda m: replace(m, "block"), content)
    return INLINE.sub(lambda m: replace(m, "inline"), content)


def on_page_content(html_content, page, config, files):
    if "arithmatex" not in html_content:
        return html_content
    return render_math(html_content, page.file.src_uri)
