"""Every page of the navigation on a phone (390 x 844, touch): nothing sticks out sideways,
and the menu button opens the navigation. A full-page screenshot of each page is kept in
test-artifacts/screenshots/phone/."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from nnlib.tools.site.pages import nav_pages

from .support import PHONE, new_context, new_page, screenshot_path, visit_page

PHONE_OPTIONS = dict(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=1)

# What a reader must scroll sideways to see. Wide content may only scroll inside code blocks,
# tables and displayed maths (their wrappers scroll) and Material's row of content tabs.
OVERFLOW_JS = """
() => {
  const width = document.documentElement.clientWidth;
  const wrappers = [
    "pre", ".highlight", ".highlight-ipynb", ".md-typeset__scrollwrap", ".md-typeset__table",
    "table", ".arithmatex", ".tabbed-labels", ".jp-OutputArea-output",
  ].join(", ");
  const describe = (el) => {
    const classes = typeof el.className === "string" && el.className.trim()
      ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const text = (el.textContent || "").trim().replace(/\\s+/g, " ").slice(0, 50);
    return `<${el.tagName.toLowerCase()}${classes}> "${text}"`;
  };
  const fixed = (el) => {
    for (let node = el; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).position === "fixed") return true;
    }
    return false;
  };
  // The nearest ancestor that clips or scrolls horizontally, if any.
  const clipper = (el) => {
    for (let node = el.parentElement; node && node !== document.body; node = node.parentElement) {
      if (getComputedStyle(node).overflowX !== "visible") return node;
    }
    return null;
  };
  const problems = [];
  const reported = new Set();
  // (not the inside of code blocks: they scroll, and they hold most of a page's elements)
  for (const el of document.querySelectorAll("body *:not(pre *)")) {
    if (!el.checkVisibility({visibilityProperty: true})) continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const box_clip = clipper(el);
    const limit = box_clip ? box_clip.getBoundingClientRect() : {left: 0, right: width};
    const sticksOut =
      box.right > Math.min(limit.right, width) + 1 || box.left < Math.max(limit.left, 0) - 1;
    if (!sticksOut) continue;
    if (box_clip === null || !box_clip.closest(".md-content")) {
      // Outside the page's text only what widens the page counts: Material's header title
      // clips on purpose, the closed drawer waits left of the window, and its "Copied"
      // message right of it (fixed: it never widens the page).
      if (box_clip !== null || box.right <= width + 1 || fixed(el)) continue;
    } else if (box_clip.matches(wrappers) || box_clip.closest(wrappers)) {
      continue;  // scrolls inside a code block, table or formula: fine
    }
    if ([...reported].some((r) => r.contains(el))) continue;  // its parent is reported already
    reported.add(el);
    problems.push(`${describe(el)} spans x=${Math.round(box.left)}..${Math.round(box.right)}` +
      (box_clip ? ` inside ${describe(box_clip).split(" ")[0]}` : ` (window is ${width} px wide)`));
  }
  const scrollWidth = document.documentElement.scrollWidth;
  return {scrollWidth, width, problems: problems.slice(0, 10)};
}
"""

# Material's drawer (the navigation on small screens): where it is, and how many of its links show.
DRAWER_JS = """
() => {
  const drawer = document.querySelector(".md-sidebar--primary");
  const box = drawer.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  // A link shows if a tap on its middle lands on it (not clipped, not covered, in the window).
  const all = Array.from(drawer.querySelectorAll("a.md-nav__link, label.md-nav__link"));
  const links = all.filter((a) => {
    const r = a.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    if (r.width === 0 || x < 0 || x > width || y < 0 || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === a || a.contains(hit));
  });
  return {left: box.left, right: box.right, visibleLinks: links.length};
}
"""
DRAWER_OPEN_JS = (
    "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left > -2"
)


@dataclass
class PhoneVisit:
    source: str
    status: int | None = None
    overflow: dict = field(default_factory=dict)
    drawer_before: dict = field(default_factory=dict)
    drawer_after: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def phone(browser, server):
    """One browser context for the pages of this module, as one reader reading them in turn."""
    context = new_context(browser, server, **PHONE_OPTIONS)
    yield context
    context.close()


@pytest.fixture(scope="module", params=nav_pages())
def phone_visit(request, phone, server, screenshots) -> PhoneVisit:
    result = PhoneVisit(request.param)

    def look(page):
        result.overflow = page.evaluate(OVERFLOW_JS)
        page.screenshot(path=screenshot_path("phone", result.source), full_page=True)
        page.evaluate("window.scrollTo(0, 0)")
        result.drawer_before = page.evaluate(DRAWER_JS)
        page.locator("label.md-header__button[for=__drawer]").click()
        page.wait_for_function(DRAWER_OPEN_JS)
        result.drawer_after = page.evaluate(DRAWER_JS)

    result.status, _, watch = visit_page(phone, server, result.source, look)
    result.problems = watch.problems()
    return result


def test_page_loads_on_a_phone(phone_visit):
    assert phone_visit.status == 200
    assert phone_visit.problems == []


def test_nothing_overflows_sideways(phone_visit):
    overflow = phone_visit.overflow
    where = f"on a {overflow['width']} px wide screen:\n"
    assert not overflow["problems"], where + "\n".join(overflow["problems"])
    assert overflow["scrollWidth"] <= overflow["width"], "the page scrolls sideways"


def test_menu_button_opens_the_navigation(phone_visit):
    before, after = phone_visit.drawer_before, phone_visit.drawer_after
    assert before["right"] <= 0 and before["visibleLinks"] == 0, f"shown at once: {before}"
    assert after["left"] >= -1 and after["visibleLinks"] >= 3, f"after the menu button: {after}"


def test_navigation_from_the_menu_leads_to_a_page(browser, server):
    page, watch = new_page(browser, server, **PHONE_OPTIONS)
    try:
        page.goto(server + "index.html")
        page.locator("label.md-header__button[for=__drawer]").click()
        link = page.locator(".md-sidebar--primary a.md-nav__link[href$='errata.html']").first
        link.click()
        page.wait_for_url(server + "errata.html")
        assert page.locator("article h1").first.is_visible()
        assert watch.problems() == []
    finally:
        page.context.close()
