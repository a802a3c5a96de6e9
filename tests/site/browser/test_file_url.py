"""The built site read straight from the file system (file://), without a server.

This is how a reader uses a downloaded or freshly built copy: open site/index.html. Links
must open pages (not folder listings: mkdocs.yml has ``use_directory_urls: false``), every
page must load its styles, scripts, images and maths without an error, and search must work
(Material's offline plugin writes the index as a script; docs/javascripts/
offline-iframe-worker.js runs the search worker, which browsers refuse to start from a file).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from nnlib.tools.site.pages import nav_pages

from .support import IMAGES_JS, html_path, new_page, screenshot_path

# Every link of the page that stays on the site, as an absolute URL.
LINKS_JS = """
(site) => Array.from(document.querySelectorAll("a[href]"))
  .map((a) => a.href)
  .filter((href) => href.startsWith(site))
"""
# Material's stylesheet is applied: the header is sticky and coloured.
STYLED_JS = """
() => {
  const header = getComputedStyle(document.querySelector(".md-header"));
  return header.position === "sticky" && header.backgroundColor !== "rgba(0, 0, 0, 0)";
}
"""


def file_of(url: str) -> Path:
    return Path(unquote(urlsplit(url).path))


def test_every_page_reads_from_the_file_system(browser, site_dir, screenshots):
    site = site_dir.as_uri() + "/"
    problems = []
    page, watch = new_page(browser, site)
    try:
        for source in nav_pages():
            watch.reset()
            page.goto(site + html_path(source), wait_until="load")
            here = [f"{source}: {p}" for p in watch.problems()]
            if not page.evaluate(STYLED_JS):
                here.append(f"{source}: Material's stylesheet is not applied")
            for image in page.evaluate(IMAGES_JS):
                if image["naturalWidth"] == 0:
                    here.append(f"{source}: image {image['src']} not shown ({image['error']})")
            for link in set(page.evaluate(LINKS_JS, site)):
                target = file_of(link)
                if not target.is_file():
                    kind = "a folder" if target.is_dir() else "missing"
                    here.append(f"{source}: link {link[len(site):]} -> {kind}")
            problems += here
            if source == "index.md":
                page.screenshot(path=screenshot_path("file", source), full_page=True)
    finally:
        page.context.close()
    assert problems == [], "\n".join(problems)


def test_navigation_links_open_pages_from_the_file_system(browser, site_dir):
    site = site_dir.as_uri() + "/"
    page, watch = new_page(browser, site)
    try:
        page.goto(site + "index.html")
        page.locator(".md-tabs a.md-tabs__link").nth(2).click()  # the third tab: Part 2
        page.wait_for_load_state("load")
        assert page.url.endswith(".html"), page.url
        assert file_of(page.url).is_file()
        assert page.locator("article h1").first.is_visible()
        assert watch.problems() == []
    finally:
        page.context.close()


def test_search_works_from_the_file_system(browser, site_dir):
    site = site_dir.as_uri() + "/"
    page, watch = new_page(browser, site)
    try:
        page.goto(site + "index.html")
        search_box = page.locator(".md-search__input")
        # Material hides the search box when search cannot start
        assert search_box.is_visible(), "no search box on file://"
        search_box.click()
        page.keyboard.type("sigmoid")
        page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
        found = page.eval_on_selector_all(
            ".md-search-result__item > a.md-search-result__link", "links => links.map(a => a.href)"
        )
        assert any(urlsplit(href).path.endswith("/part2/sigmoid.html") for href in found), found
        assert watch.problems() == []
    finally:
        page.context.close()
