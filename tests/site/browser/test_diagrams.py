"""Every diagram reads in both palettes and fits a phone's width.

For each page with an inline diagram (see nnlib/tools/site/diagrams.py): in the light and
the dark palette, every text of every diagram has a colour that stands out from the page's
background (WCAG's 4.5:1 for text); at a phone's width no diagram is wider than the screen.
A screenshot of each diagram in each palette goes to
``test-artifacts/screenshots/diagrams/<diagram>-<light|dark>.png``.
"""

from __future__ import annotations

import re
import shutil

import pytest

from .support import DESKTOP, PHONE, SCREENSHOTS, new_page

MIN_CONTRAST = 4.5
# For every text of every diagram: its fill and the page background, as contrast ratios.
CONTRASTS_JS = """
() => {
  const rgb = (colour) => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = luminance(rgb(getComputedStyle(document.body).backgroundColor));
  const found = [];
  for (const svg of document.querySelectorAll("svg.nn-diagram")) {
    for (const text of svg.querySelectorAll("text")) {
      const fill = luminance(rgb(getComputedStyle(text).fill));
      const [hi, lo] = [Math.max(fill, background), Math.min(fill, background)];
      found.push({diagram: svg.dataset.diagram, text: text.textContent,
                  ratio: (hi + 0.05) / (lo + 0.05)});
    }
  }
  return found;
}
"""
WIDTHS_JS = """
() => Array.from(document.querySelectorAll("svg.nn-diagram")).map((svg) => {
  const box = svg.getBoundingClientRect();
  return {diagram: svg.dataset.diagram, left: box.left, right: box.right,
          screen: document.documentElement.clientWidth};
})
"""


def pages_with_diagrams(site_dir) -> list[str]:
    return sorted(
        page.relative_to(site_dir).as_posix()
        for page in site_dir.rglob("*.html")
        if 'class="nn-diagram"' in page.read_text(encoding="utf-8")
    )


@pytest.fixture(scope="module")
def diagram_shots():
    folder = SCREENSHOTS / "diagrams"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def test_every_diagram_is_legible_in_both_palettes(browser, server, site_dir, diagram_shots):
    pages = pages_with_diagrams(site_dir)
    assert pages, "no page shows a diagram"
    page, watch = new_page(browser, server, DESKTOP)
    faint = []
    try:
        for path in pages:
            page.goto(server + path)
            for scheme in ("default", "slate"):
                page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
                for text in page.evaluate(CONTRASTS_JS):
                    if text["ratio"] < MIN_CONTRAST:
                        faint.append(f"{path} {scheme}: {text['diagram']} {text['text']!r} "
                                     f"{text['ratio']:.2f}:1")
                palette = "light" if scheme == "default" else "dark"
                for svg in page.locator("svg.nn-diagram").all():
                    name = svg.get_attribute("data-diagram")
                    svg.screenshot(path=diagram_shots / f"{name}-{palette}.png")
        assert faint == [], "diagram text too faint:\n" + "\n".join(faint)
        assert watch.problems() == []
    finally:
        page.context.close()


def test_no_diagram_is_wider_than_a_phone(browser, server, site_dir):
    page, watch = new_page(browser, server, PHONE)
    too_wide = []
    try:
        for path in pages_with_diagrams(site_dir):
            page.goto(server + path)
            for svg in page.evaluate(WIDTHS_JS):
                if svg["left"] < 0 or svg["right"] > svg["screen"] + 0.5:
                    too_wide.append(f"{path}: {svg['diagram']} spans {svg['left']:.0f} to "
                                    f"{svg['right']:.0f} on a {svg['screen']} px screen")
        assert too_wide == []
        assert watch.problems() == []
    finally:
        page.context.close()
