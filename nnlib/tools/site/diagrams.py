"""Diagrams drawn inline: an SVG figure shown on a page takes the page's colours.

A page shows a diagram like any figure, ``![what it shows](../figures/diagram-neuron.svg)``.
Where MkDocs writes that ``<img>``, this hook puts the SVG itself (``on_page_content``), so
that its ink is the text colour of the page (``currentColor``) and its accents are the CSS
variables of ``docs/stylesheets/diagrams.css``, which change with the palette: one drawing
reads in the light palette and in the dark one. The alt text becomes the SVG's accessible
name (``role="img"``, ``aria-label`` and ``<title>``); a diagram without one fails the build.
The drawings are made by the figure scripts (``docs/figures/diagram_*.py``) with
``docs/figures/_svg.py``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from nnlib.tools.site.figures import SITE_DIR, built_outputs

IMG = re.compile(r"<img\b(?P<attrs>[^>]*?)\s*/?>")
ATTRIBUTE = re.compile(r'(?P<name>[\w:-]+)="(?P<value>[^"]*)"')
SVG_NAME = re.compile(rf"(?:^|/){SITE_DIR}/(?P<name>[a-z0-9-]+\.svg)$")
PROLOGUE = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.DOTALL)
SVG_OPEN = re.compile(r"<svg\b(?P<attrs>[^>]*)>")


class DiagramError(Exception):
    """A diagram cannot be shown: the message names the page and the figure."""


def inline_svg(svg: str, alt: str, classes: str = "") -> str:
    """``svg`` (an SVG file's text) as an element for an HTML page, named by ``alt``."""
    svg = PROLOGUE.sub("", svg).strip()
    opening = SVG_OPEN.search(svg)
    if opening is None:
        raise ValueError("not an SVG: no <svg> element")
    attrs = opening["attrs"]
    attrs = re.sub(r'\s(width|height)="[^"]*"', "", attrs)  # the viewBox sizes it
    box = re.search(r'viewBox="[\d.\s-]+?\s([\d.]+)\s+[\d.]+"', attrs)
    # never wider than drawn: a small diagram stays small on a wide screen
    width = f' style="max-width: {box[1]}px"' if box else ""
    label = html.escape(alt, quote=True)
    css_class = " ".join(["nn-diagram", *classes.split()])
    return (
        f'{svg[:opening.start()]}<svg{attrs}{width} class="{css_class}" role="img" '
        f'aria-label="{label}"><title>{label}</title>{svg[opening.end():]}'
    )


def inline_diagrams(page_html: str, outputs: dict[str, Path], where: str) -> str:
    """Every ``<img>`` of an SVG figure in ``page_html`` replaced by the SVG itself."""

    def replace(match: re.Match) -> str:
        attrs = {a["name"]: html.unescape(a["value"]) for a in ATTRIBUTE.finditer(match["attrs"])}
        found = SVG_NAME.search(attrs.get("src", ""))
        if found is None:
            return match[0]
        name = found["name"]
        if name not in outputs:
            raise DiagramError(f"{where} shows figures/{name}, which no figure script draws")
        alt = attrs.get("alt", "").strip()
        if not alt:
            raise DiagramError(
                f"{where} shows figures/{name} without alt text: write what a reader would "
                f"see, ![a neuron with three inputs ...](../figures/{name})"
            )
        return inline_svg(outputs[name].read_text(encoding="utf-8"), alt, attrs.get("class", ""))

    return IMG.sub(replace, page_html)


def on_page_content(html_text, page, config, files):
    """MkDocs event: inline the page's SVG figures."""
    from mkdocs.exceptions import PluginError

    try:
        return inline_diagrams(html_text, built_outputs(), page.file.src_uri)
    except DiagramError as exc:
        raise PluginError(f"Diagrams: {exc}") from None
