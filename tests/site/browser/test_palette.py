"""The light/dark toggle in the header switches the colours, and the choice is remembered."""

from __future__ import annotations

from .support import new_page

SCHEME_JS = "document.body.getAttribute('data-md-color-scheme')"
# Relative luminance of the page's background, 0 (black) to 1 (white).
BACKGROUND_JS = """
() => {
  const colour = getComputedStyle(document.body).backgroundColor;
  const [r, g, b] = colour.match(/\\d+(\\.\\d+)?/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
"""


def toggle(page) -> None:
    """Click the palette button the header shows (Material shows one per palette)."""
    page.locator("form[data-md-component=palette] label").filter(visible=True).click()


def test_palette_toggle_switches_and_survives_reload(browser, server):
    page, watch = new_page(browser, server)  # the browser prefers light colours
    try:
        page.goto(server + "part2/sigmoid.html")
        assert page.evaluate(SCHEME_JS) == "default"
        assert page.evaluate(BACKGROUND_JS) > 0.9

        toggle(page)
        assert page.evaluate(SCHEME_JS) == "slate"
        page.wait_for_function(f"({BACKGROUND_JS})() < 0.2")  # the background turns dark

        page.reload()
        assert page.evaluate(SCHEME_JS) == "slate", "dark mode forgotten after a reload"
        assert page.evaluate(BACKGROUND_JS) < 0.2
        page.goto(server + "part3/step6-backpropagation.html")
        assert page.evaluate(SCHEME_JS) == "slate", "dark mode forgotten on the next page"

        toggle(page)
        page.reload()
        assert page.evaluate(SCHEME_JS) == "default", "light mode forgotten after a reload"
        assert watch.problems() == []
    finally:
        page.context.close()
